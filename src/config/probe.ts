// One `wait-on` entry, in either string or object form, to a ProbeSpec.
// The CLI's `bgsvc wait-on PROBE…` uses the same parser, so both accept the same forms.

import { isMapping } from './describe.js';
import { PROBE_FORMS, type ProbeProblem } from './probe-targets.js';
import { readProbeObject } from './probe-object.js';
import { readProbeString, unknownProbeMessage } from './probe-string.js';
import type { ProbeSpec } from './types.js';

export { PROBE_FORMS, type ProbeProblem } from './probe-targets.js';

/** Parses one probe, keeping which object key a problem is about (for positions). */
export function readProbe(value: unknown): ProbeSpec | ProbeProblem {
  if (typeof value === 'string') return readProbeString(value);
  if (isMapping(value)) return readProbeObject(value);
  if (typeof value === 'number') return { error: unknownProbeMessage(String(value)) };
  if (value === null || value === undefined) return { error: `empty probe (expected ${PROBE_FORMS})` };
  if (Array.isArray(value)) return { error: `expected one probe, got a nested list (expected ${PROBE_FORMS})` };
  return { error: `expected a probe (${PROBE_FORMS}), got ${String(value)}` };
}

/** One wait-on entry (a string such as `tcp:6379`, or an object such as `{http: URL, status: 204}`). */
export function parseProbe(value: unknown): ProbeSpec | { error: string } {
  const result = readProbe(value);
  if (!('error' in result)) return result;
  // Standalone callers have no path, so name the field inside the object here.
  return { error: result.key !== undefined && result.atKey !== true ? `${result.key}: ${result.error}` : result.error };
}
