// Which variables a service's probe targets and `export:` values may use, and
// their expansion. Most are known while the config is read (the environment
// the service inherits, its `env:`, a pinned PORT, BGSVC_SERVICE); a few only
// at launch (the PORT of `port: auto`, BGSVC_ID, BGSVC_LOG_DIR). Probes that
// use those are checked now against stand-ins of the same shape, and read
// again with the real values just before the service starts.

import { isMapping } from './describe.js';
import { readProbe, type ProbeProblem } from './probe.js';
import { suggest } from './suggest.js';
import type { ProbeSpec } from './types.js';
import { expandVariables, lookupIn, mayHaveVariables, variablesIn, type Lookup } from './variables.js';

/** Stand-ins for the values known only at launch: the widest each can be, so a target that would not parse with the real value fails now. */
const LATE_STAND_INS = {
  PORT: '65535',
  BGSVC_ID: '0'.repeat(24),
  BGSVC_LOG_DIR: '/bgsvc/logs',
} as const;

export interface VariableScope {
  /** A variable's value while reading the config; the late ones by their stand-ins. */
  lookup: Lookup;
  /** The names known only at launch. */
  late: ReadonlySet<string>;
  /** The names the service itself brings (env:, PORT, BGSVC_*), for "did you mean". */
  own: string[];
}

// Looked up, not copied: a config of 2000 services would otherwise copy the
// whole inherited environment 2000 times (80 ms of a start, measured).
export function serviceScope(options: {
  environment: Readonly<Record<string, string | undefined>>;
  env: Readonly<Record<string, string>>;
  name: string;
  port: number | 'auto' | undefined;
}): VariableScope {
  const { environment, env, name, port } = options;
  const late = new Map<string, string>([
    ['BGSVC_ID', LATE_STAND_INS.BGSVC_ID],
    ['BGSVC_LOG_DIR', LATE_STAND_INS.BGSVC_LOG_DIR],
  ]);
  if (port === 'auto') late.set('PORT', LATE_STAND_INS.PORT);
  const lookup: Lookup = (variable) => {
    const standIn = late.get(variable);
    if (standIn !== undefined) return standIn;
    if (variable === 'PORT' && typeof port === 'number') return String(port);
    if (variable === 'BGSVC_SERVICE') return name;
    if (Object.hasOwn(env, variable)) return env[variable];
    return Object.hasOwn(environment, variable) ? environment[variable] : undefined;
  };
  const own = [...Object.keys(env), ...late.keys(), 'BGSVC_SERVICE', ...(port === undefined ? [] : ['PORT'])];
  return { lookup, late: new Set(late.keys()), own };
}

/** The probe forms whose target is expanded; `log:`, `cmd:` and `delay:` are not (a regex's `$`, a shell's own variables). */
const EXPANDED_STRING = /^\s*(?:https?(?:-get)?:\/\/|tcp:|socket:|file:)/i;
const EXPANDED_KEYS = ['http', 'tcp', 'socket', 'file'] as const;

export type ExpandedProbe = { probe: ProbeSpec; late: boolean } | ProbeProblem;

/** Expands one wait-on entry against the scope (late names by their stand-ins) and parses it. */
export function readProbeInScope(entry: unknown, scope: VariableScope): ExpandedProbe {
  const expanded = expandProbeEntry(entry, scope.lookup);
  if ('error' in expanded) return { ...expanded, error: unknownVariableMessage(expanded.error, expanded.unknown, scope) };
  const probe = readProbe(expanded.entry);
  if ('error' in probe) return probe;
  return { probe, late: expanded.names.some((name) => scope.late.has(name)) };
}

/** Expands and parses a wait-on entry with the real values, at launch. Throws when it no longer parses. */
export function readProbeAtLaunch(entry: unknown, values: Readonly<Record<string, string | undefined>>): ProbeSpec {
  const expanded = expandProbeEntry(entry, lookupIn(values));
  if ('error' in expanded) throw new Error(`wait-on: ${expanded.error}`);
  const probe = readProbe(expanded.entry);
  if ('error' in probe) throw new Error(`wait-on: ${probe.key === undefined ? '' : `${probe.key}: `}${probe.error}`);
  return probe;
}

/** The names an `export:` value refers to that the scope does not have, with a message for the first. */
export function checkExportValue(value: string, scope: VariableScope): string | undefined {
  const expanded = expandVariables(value, scope.lookup);
  return 'error' in expanded ? unknownVariableMessage(expanded.error, expanded.unknown, scope) : undefined;
}

/** The `export:` values with the service's real environment, once it is ready. */
export function expandExports(
  exports: Readonly<Record<string, string>>,
  values: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, template] of Object.entries(exports)) {
    const expanded = expandVariables(template, lookupIn(values));
    if ('error' in expanded) throw new Error(`export ${name}: ${expanded.error}`);
    out[name] = expanded.value;
  }
  return out;
}

function expandProbeEntry(
  entry: unknown,
  lookup: Lookup,
): { entry: unknown; names: string[] } | (ProbeProblem & { unknown?: string }) {
  if (typeof entry === 'string') {
    if (!mayHaveVariables(entry) || !EXPANDED_STRING.test(entry)) return { entry, names: [] };
    const expanded = expandVariables(entry, lookup);
    return 'error' in expanded ? expanded : { entry: expanded.value, names: variablesIn(entry) };
  }
  if (!isMapping(entry)) return { entry, names: [] };
  const copy: Record<string, unknown> = { ...entry };
  const names: string[] = [];
  for (const key of EXPANDED_KEYS) {
    const value = copy[key];
    if (typeof value !== 'string' || !mayHaveVariables(value)) continue;
    const expanded = expandVariables(value, lookup);
    if ('error' in expanded) return { ...expanded, key };
    copy[key] = expanded.value;
    names.push(...variablesIn(value));
  }
  return { entry: copy, names };
}

function unknownVariableMessage(error: string, unknown: string | undefined, scope: VariableScope): string {
  if (unknown === undefined) return error;
  const close = suggest(unknown, scope.own);
  if (close !== undefined) return `${error}: did you mean $${close}?`;
  if (unknown === 'PORT') return `${error}: add "port: auto" (bgsvc chooses a free port and sets $PORT) or "port: NUMBER"`;
  return (
    `${error}: the service's environment has no ${unknown}; set it in its "env:" or in the job's environment ` +
    '(bgsvc adds BGSVC_ID, BGSVC_SERVICE, BGSVC_LOG_DIR, and PORT with "port:")'
  );
}
