// Probe objects: `{http: URL, method, status, headers}`, `{tcp: 6379}`, `{log: "…"}`…
// One kind key per object, so `- log: "Listening on"` in YAML means what it says.

import { checkDuration } from './duration.js';
import { describeValue, isMapping, listOr, quote } from './describe.js';
import {
  checkHttpUrl, checkPath, checkRegex, checkTcpTarget, failed, type ProbeProblem,
} from './probe-targets.js';
import { didYouMean } from './suggest.js';
import type { ProbeKind, ProbeSpec } from './types.js';

const KIND_KEYS: readonly ProbeKind[] = ['http', 'tcp', 'socket', 'file', 'log', 'cmd', 'delay'];
const HTTP_OPTION_KEYS = ['method', 'status', 'headers'];
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function readProbeObject(object: Record<string, unknown>): ProbeSpec | ProbeProblem {
  const keys = Object.keys(object);
  for (const key of keys) {
    if (!isKindKey(key) && !HTTP_OPTION_KEYS.includes(key)) {
      const hint = didYouMean(key, [...KIND_KEYS, ...HTTP_OPTION_KEYS]) || ` (expected one of ${KIND_KEYS.join(', ')}; http also takes method, status and headers)`;
      return { error: `unknown probe key ${quote(key)}${hint}`, key, atKey: true };
    }
  }
  const kinds = keys.filter(isKindKey);
  const [kind, second] = kinds;
  if (kind === undefined) return { error: `a probe object needs one of ${listOr(KIND_KEYS.map((k) => `"${k}"`))}` };
  if (second !== undefined) {
    return { error: `a probe has both "${kind}" and "${second}"; write one probe per list entry`, key: second, atKey: true };
  }
  if (kind !== 'http') {
    const misplaced = keys.find((key) => HTTP_OPTION_KEYS.includes(key));
    if (misplaced !== undefined) return { error: `"${misplaced}" only applies to http probes`, key: misplaced, atKey: true };
  }
  return readKind(kind, object[kind], object);
}

function isKindKey(key: string): key is ProbeKind {
  return (KIND_KEYS as readonly string[]).includes(key);
}

function readKind(kind: ProbeKind, value: unknown, object: Record<string, unknown>): ProbeSpec | ProbeProblem {
  if (kind === 'http') return readHttpObject(value, object);
  if (kind === 'delay') {
    const ms = checkDuration(value, { allowZero: true });
    // A bare number is seconds; say so in the display form.
    const text = typeof value === 'number' ? `delay: ${value}s` : `delay: ${String(value)}`;
    return typeof ms === 'number' ? { kind, text, ms } : { error: ms.error, key: kind };
  }
  if (kind === 'tcp') return readTcpObject(value);
  if (typeof value !== 'string' || value.trim() === '') {
    return { error: `expected a non-empty string, got ${describeValue(value)}`, key: kind };
  }
  switch (kind) {
    case 'socket':
    case 'file': {
      const checked = checkPath(value, { fileUrl: false });
      return failed(checked) ? { error: checked.reason, key: kind } : { kind, text: `${kind}:${value}`, path: checked.path };
    }
    case 'log': {
      const checked = checkRegex(value);
      return failed(checked) ? { error: checked.reason, key: kind } : { kind, text: `log: ${value}`, pattern: checked.pattern };
    }
    case 'cmd':
      return { kind, text: `cmd: ${value}`, command: value };
  }
}

function readTcpObject(value: unknown): ProbeSpec | ProbeProblem {
  if (typeof value !== 'number' && typeof value !== 'string') {
    return { error: `expected a port or "HOST:PORT", got ${describeValue(value)}`, key: 'tcp' };
  }
  const target = String(value);
  if (target.startsWith('tcp:')) return { error: `write the target without "tcp:": ${quote(target.slice(4))}`, key: 'tcp' };
  const checked = checkTcpTarget(target);
  if (failed(checked)) return { error: `${checked.reason} (expected PORT, HOST:PORT or [IPv6]:PORT)`, key: 'tcp' };
  return { kind: 'tcp', text: `tcp:${target}`, ...checked };
}

function readHttpObject(value: unknown, object: Record<string, unknown>): ProbeSpec | ProbeProblem {
  if (typeof value !== 'string') return { error: `expected a URL, got ${describeValue(value)}`, key: 'http' };
  const checked = checkHttpUrl(value.trim());
  if (failed(checked)) return { error: `invalid URL ${quote(value)}: ${checked.reason}`, key: 'http' };
  const method = readMethod(object.method);
  if (typeof method !== 'string') return method;
  const status = readStatus(object.status);
  if (!Array.isArray(status) && status !== undefined) return status;
  const headers = readHeaders(object.headers);
  if ('error' in headers) return headers;
  return { kind: 'http', text: value.trim(), url: checked.url, method, status, headers: headers.headers };
}

function readMethod(value: unknown): string | ProbeProblem {
  if (value === undefined) return 'GET';
  if (typeof value !== 'string' || !/^[A-Za-z]+$/.test(value)) {
    return { error: `expected an HTTP method such as "GET" or "HEAD", got ${describeValue(value)}`, key: 'method' };
  }
  return value.toUpperCase();
}

// A single status or a list; absent means any 2xx or 3xx.
function readStatus(value: unknown): number[] | undefined | ProbeProblem {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return { error: 'expected at least one status code', key: 'status' };
  for (const code of list) {
    if (typeof code !== 'number' || !Number.isInteger(code) || code < 100 || code > 599) {
      return { error: `expected HTTP status codes from 100 to 599, got ${quote(code)}`, key: 'status' };
    }
  }
  return list as number[];
}

function readHeaders(value: unknown): { headers: Record<string, string> } | ProbeProblem {
  if (value === undefined) return { headers: {} };
  if (!isMapping(value)) return { error: `expected a mapping of header names to values, got ${describeValue(value)}`, key: 'headers' };
  const entries: [string, string][] = [];
  for (const [name, raw] of Object.entries(value)) {
    if (!HEADER_NAME.test(name)) return { error: `invalid header name ${quote(name)}`, key: 'headers' };
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      return { error: `header ${quote(name)}: expected a string, got ${describeValue(raw)}`, key: 'headers' };
    }
    const text = String(raw);
    if (/[\r\n]/.test(text)) return { error: `header ${quote(name)}: a value cannot contain line breaks`, key: 'headers' };
    entries.push([name, text]);
  }
  return { headers: Object.fromEntries(entries) };
}
