// Readers for the fields of a service mapping. Each reports its own problems at
// the field's path and returns undefined (or an empty value) so checking goes on.

import { describeValue, isMapping, quote } from './describe.js';
import { checkDuration } from './duration.js';
import type { IssueCollector } from './issues.js';
import { checkServiceName } from './names.js';
import type { FieldPath } from './field-path.js';
import { readProbe } from './probe.js';
import { checkExportValue, readProbeInScope, type VariableScope } from './service-variables.js';
import { normalizeSignal } from './signals.js';
import type { ProbeSpec } from './types.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function readName(value: unknown, path: FieldPath, issues: IssueCollector): string | undefined {
  if (value === undefined) {
    issues.add(path, 'missing "name" (a unique name such as "api"; it also names the log file)');
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.add([...path, 'name'], `expected a string, got ${describeValue(value)}`);
    return undefined;
  }
  const problem = checkServiceName(value);
  if (problem !== undefined) issues.add([...path, 'name'], problem);
  return problem === undefined ? value : undefined;
}

/** A non-blank string field; `required` says what it is for when it is missing. */
export function readText(
  service: Record<string, unknown>,
  key: string,
  path: FieldPath,
  issues: IssueCollector,
  options: { required?: string } = {},
): string | undefined {
  const value = service[key];
  if (value === undefined) {
    if (options.required !== undefined) issues.add(path, `missing "${key}" (${options.required})`);
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    const got = typeof value === 'string' ? 'an empty string' : describeValue(value);
    issues.add([...path, key], `expected a non-empty string, got ${got}`);
    return undefined;
  }
  return value;
}

export function readDuration(
  value: unknown,
  path: FieldPath,
  issues: IssueCollector,
  options: { allowZero: boolean },
): number | undefined {
  if (value === undefined) return undefined;
  const ms = checkDuration(value, options);
  if (typeof ms === 'number') return ms;
  issues.add(path, ms.error);
  return undefined;
}

export function readSignal(value: unknown, path: FieldPath, issues: IssueCollector): NodeJS.Signals | undefined {
  if (value === undefined) return undefined;
  const signal = normalizeSignal(value);
  if (typeof signal === 'string') return signal;
  issues.add(path, signal.error);
  return undefined;
}

// Environment values are stringified the way a shell would see them; null is
// rejected because "unset" and "empty" are different things to a service.
export function readEnv(value: unknown, path: FieldPath, issues: IssueCollector): Record<string, string> {
  if (value === undefined) return {};
  if (!isMapping(value)) {
    issues.add(path, `expected a mapping of variable names to values, got ${describeValue(value)}`);
    return {};
  }
  const entries: [string, string][] = [];
  for (const [name, raw] of Object.entries(value)) {
    if (!ENV_NAME.test(name)) {
      issues.add(path, `invalid variable name ${quote(name)} (letters, digits and "_", not starting with a digit)`, {
        at: [...path, name],
        target: 'key',
      });
    } else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
      entries.push([name, String(raw)]);
    } else {
      const hint = raw === null ? '; write "" for an empty value' : '';
      issues.add([...path, name], `expected a string, number or boolean, got ${describeValue(raw)}${hint}`);
    }
  }
  return Object.fromEntries(entries);
}

export function readNeeds(value: unknown, path: FieldPath, issues: IssueCollector): { name: string; path: FieldPath }[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [{ name: value, path }];
  if (!Array.isArray(value)) {
    issues.add(path, `expected a service name or a list of names, got ${describeValue(value)}`);
    return [];
  }
  const needs: { name: string; path: FieldPath }[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item === 'string') needs.push({ name: item, path: [...path, index] });
    else issues.add([...path, index], `expected a service name, got ${describeValue(item)}`);
  });
  return needs;
}

export interface ReadProbes {
  probes: ProbeSpec[];
  /** The entries as written, when one uses a value known only at launch ($PORT of `port: auto`, BGSVC_ID, BGSVC_LOG_DIR). */
  atLaunch?: unknown[];
}

export function readProbes(value: unknown, path: FieldPath, issues: IssueCollector, scope?: VariableScope): ReadProbes {
  if (value === undefined) return { probes: [] };
  // One probe may be written without a list around it.
  const entries: [unknown, FieldPath][] = Array.isArray(value)
    ? value.map((item: unknown, index) => [item, [...path, index]])
    : [[value, path]];
  const probes: ProbeSpec[] = [];
  let late = false;
  for (const [entry, entryPath] of entries) {
    const read = scope === undefined ? readProbe(entry) : readProbeInScope(entry, scope);
    if (!('error' in read)) {
      probes.push('probe' in read ? read.probe : read);
      late ||= 'late' in read && read.late;
    } else if (read.key === undefined) {
      issues.add(entryPath, read.error);
    } else if (read.atKey === true) {
      issues.add(entryPath, read.error, { at: [...entryPath, read.key], target: 'key' });
    } else {
      issues.add([...entryPath, read.key], read.error);
    }
  }
  return late ? { probes, atLaunch: entries.map(([entry]) => entry) } : { probes };
}

/** `port: auto` (a free loopback port chosen at launch) or `port: NUMBER` (pinned, checked free first). */
export function readPort(value: unknown, path: FieldPath, issues: IssueCollector): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value;
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= 65_535) return number;
  issues.add(path, `expected "auto" (bgsvc chooses a free port on 127.0.0.1 and ::1 and sets $PORT) or a port number 1-65535, got ${describeValue(value)}`);
  return undefined;
}

/** `export:` a mapping of variable names to values with $VAR/${VAR}, handed to later steps once the service is ready. */
export function readExports(value: unknown, path: FieldPath, issues: IssueCollector, scope: VariableScope): Record<string, string> {
  // Names and values are checked as `env:` checks them; what is left is export's own.
  const exports: Record<string, string> = {};
  for (const [name, text] of Object.entries(readEnv(value, path, issues))) {
    if (name.startsWith('BGSVC_')) {
      issues.add(path, `${quote(name)}: names starting with BGSVC_ are bgsvc's own (BGSVC_PORT_<NAME> hands on each service's port); choose another`, { at: [...path, name], target: 'key' });
      continue;
    }
    const problem = checkExportValue(text, scope);
    if (problem !== undefined) issues.add([...path, name], problem);
    else exports[name] = text;
  }
  return exports;
}
