import type { ProbeRunner } from './context.js';
import { sleep } from '../sleep.js';

// `delay: 2s` passes once that much time has passed since the wait began, for
// services with no better readiness signal.
export const runDelayProbe: ProbeRunner<'delay'> = (probe, context) => sleep(probe.ms, context.signal);
