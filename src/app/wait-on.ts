import { parseProbe } from '../config/probe.js';
import type { ProbeSpec } from '../config/types.js';
import { resolveShell } from '../process/index.js';
import { waitUntilReady, type WaitResult } from '../probes/index.js';
import { UsageError } from './errors.js';

// `bgsvc wait-on PROBE…`: the wait-on package's job, with the same probe
// forms as a config, but always with a deadline.
export async function waitOnProbes(options: {
  probes: string[];
  timeoutMs: number;
  cwd: string;
  /** What cmd: probes run with, and where the shell is found. */
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onProbePassed?: (probe: ProbeSpec, ms: number) => void;
}): Promise<WaitResult> {
  if (options.probes.length === 0) throw new UsageError('wait-on needs at least one probe, for example: bgsvc wait-on tcp:5432 http://localhost:3000');
  const probes = options.probes.map((text) => {
    const parsed = parseProbe(text);
    if ('error' in parsed) throw new UsageError(`wait-on: ${parsed.error}`);
    if (parsed.kind === 'log') throw new UsageError(`wait-on: "${text}" needs a service log; use it in a config's wait-on instead`);
    return parsed;
  });
  return waitUntilReady({
    probes,
    timeoutMs: options.timeoutMs,
    cwd: options.cwd,
    shell: resolveShell(undefined, options.env.PATH),
    env: options.env,
    signal: options.signal,
    onProbePassed: options.onProbePassed,
  });
}
