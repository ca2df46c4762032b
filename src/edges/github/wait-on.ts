// The `wait-on` input: resources separated by commas or newlines, in the wait-on
// package's syntax (as background-action takes them), or a JSON wait-on config.
import type { ConfigIssue } from '../../config/errors.js';
import { parseProbe } from '../../config/probe.js';
import { INPUT } from './constants.js';

export interface WaitOnInput {
  /** Probe texts in bgsvc's syntax, ready for a config's `wait-on:`. */
  probes: string[];
  /** A JSON config's own `timeout` (ms), which background-action lets win over wait-for. */
  timeoutMs?: number;
}

const SOURCE = `input "${INPUT.waitOn}"`;
// wait-on tuning knobs: harmless to ignore, since bgsvc polls on its own schedule.
const IGNORED_JSON_KEYS = ['delay', 'interval', 'simultaneous', 'verbose', 'log', 'window', 'tcpTimeout', 'httpTimeout'];

export function parseWaitOnInput(text: string): WaitOnInput | { issues: ConfigIssue[] } {
  if (text.trim().startsWith('{')) return parseJsonConfig(text);
  const issues: ConfigIssue[] = [];
  const probes: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const resource of splitLine(line)) {
      const probe = toBgsvcProbe(resource);
      const parsed = parseProbe(probe);
      if ('error' in parsed) issues.push({ source: SOURCE, line: index + 1, path: '', message: parsed.error });
      else probes.push(probe);
    }
  });
  return issues.length > 0 ? { issues } : { probes };
}

// bgsvc's own `log:` and `cmd:` forms may hold commas (a regex, a shell
// command), so a line that starts with one is never split.
function splitLine(line: string): string[] {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return [];
  if (/^(?:log|cmd):/.test(trimmed)) return [trimmed];
  return trimmed
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

// wait-on treats a resource without a prefix as a file, and background-action's
// README writes relative files as `file://name`.
function toBgsvcProbe(resource: string): string {
  const relativeFileUrl = /^file:\/\/([^/].*)$/.exec(resource);
  if (relativeFileUrl) return `file:${relativeFileUrl[1]}`;
  const hasScheme = /^[A-Za-z][A-Za-z0-9+._-]*:/.test(resource);
  if (!hasScheme && !/^\d+$/.test(resource)) return `file:${resource}`;
  return resource;
}

function parseJsonConfig(text: string): WaitOnInput | { issues: ConfigIssue[] } {
  const issue = (message: string) => ({ issues: [{ source: SOURCE, path: '', message }] });
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    return issue(`looks like a JSON wait-on config but is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return issue('a JSON wait-on config must be an object with a "resources" list');
  const record = config as Record<string, unknown>;
  const unsupported = Object.keys(record).filter((key) => key !== 'resources' && key !== 'timeout' && !IGNORED_JSON_KEYS.includes(key));
  if (unsupported.length > 0) {
    return issue(
      `the JSON wait-on config keys ${unsupported.map((key) => JSON.stringify(key)).join(', ')} are not supported; ` +
        'use the "services" input with object probes ({http: URL, status: [...], headers: {...}}) instead',
    );
  }
  const resources = record.resources;
  if (!Array.isArray(resources) || resources.length === 0 || !resources.every((item) => typeof item === 'string')) {
    return issue('a JSON wait-on config needs a "resources" list of strings');
  }
  const timeout = record.timeout;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0))) {
    return issue(`"timeout" must be a positive number of milliseconds, got ${JSON.stringify(timeout)}`);
  }
  const probes: string[] = [];
  const issues: ConfigIssue[] = [];
  resources.forEach((resource: string, index) => {
    const probe = toBgsvcProbe(resource.trim());
    const parsed = parseProbe(probe);
    if ('error' in parsed) issues.push({ source: SOURCE, path: `resources[${index}]`, message: parsed.error });
    else probes.push(probe);
  });
  if (issues.length > 0) return { issues };
  return timeout === undefined ? { probes } : { probes, timeoutMs: Math.round(timeout as number) };
}
