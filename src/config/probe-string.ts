// Probe strings, compatible with the wait-on package (`http://…`, `tcp:host:port`,
// `socket:…`, `file:…`) plus bgsvc's own `log: …`, `cmd: …` and `delay: …`.

import { checkDuration } from './duration.js';
import { quote } from './describe.js';
import {
  PROBE_FORMS, checkHttpUrl, checkPath, checkRegex, checkTcpTarget, failed, type ProbeProblem,
} from './probe-targets.js';
import { suggest } from './suggest.js';
import type { ProbeSpec } from './types.js';

const HTTP_PREFIX = /^(?:https?|https?-get):\/\//;
const SCHEME = /^([A-Za-z][A-Za-z0-9+._-]*):/;
const KNOWN_SCHEMES = ['http', 'https', 'http-get', 'https-get', 'tcp', 'socket', 'file', 'log', 'cmd', 'delay'];
// Words people reach for that mean one of ours.
const SCHEME_SYNONYMS: Record<string, string> = { unix: 'socket', sleep: 'delay', wait: 'delay', command: 'cmd', port: 'tcp', regex: 'log' };

/** Parses one probe string; `text` keeps what the user wrote, for messages. */
export function readProbeString(raw: string): ProbeSpec | ProbeProblem {
  const text = raw.trim();
  if (text === '') return { error: `empty probe (expected ${PROBE_FORMS})` };
  if (HTTP_PREFIX.test(text)) {
    const checked = checkHttpUrl(text);
    if (failed(checked)) return { error: `invalid http probe ${quote(text)}: ${checked.reason}` };
    return { kind: 'http', text, url: checked.url, method: 'GET', status: undefined, headers: {} };
  }
  const scheme = SCHEME.exec(text)?.[1];
  const body = scheme === undefined ? '' : text.slice(scheme.length + 1).trim();
  switch (scheme) {
    case 'tcp': {
      const checked = checkTcpTarget(body);
      if (failed(checked)) {
        return { error: `invalid tcp probe ${quote(text)}: ${checked.reason} (expected tcp:PORT, tcp:HOST:PORT or tcp:[IPv6]:PORT)` };
      }
      return { kind: 'tcp', text, ...checked };
    }
    case 'socket':
    case 'file': {
      // wait-on also takes file:///abs/path URLs; a socket path is always a plain path.
      const checked = checkPath(body, { fileUrl: scheme === 'file' });
      if (failed(checked)) return { error: `invalid ${scheme} probe ${quote(text)}: ${checked.reason}` };
      return { kind: scheme, text, path: checked.path };
    }
    case 'log': {
      const checked = checkRegex(body);
      if (failed(checked)) return { error: `invalid log probe ${quote(text)}: ${checked.reason}` };
      return { kind: 'log', text, pattern: checked.pattern };
    }
    case 'cmd':
      if (body === '') return { error: `invalid cmd probe ${quote(text)}: the command is empty` };
      return { kind: 'cmd', text, command: body };
    case 'delay': {
      const ms = checkDuration(body, { allowZero: true });
      if (typeof ms !== 'number') return { error: `invalid delay probe ${quote(text)}: ${ms.error}` };
      return { kind: 'delay', text, ms };
    }
    default:
      return { error: unknownProbeMessage(text) };
  }
}

/** `unknown probe "…" (expected …)`, plus the likely intended form when there is one. */
export function unknownProbeMessage(text: string): string {
  const hint = guessIntendedProbe(text);
  const tail = hint === undefined ? '' : `; did you mean ${JSON.stringify(hint)}?`;
  return `unknown probe ${quote(text)} (expected ${PROBE_FORMS})${tail}`;
}

function guessIntendedProbe(text: string): string | undefined {
  if (/^\d{1,5}$/.test(text)) return `tcp:${text}`;
  if (/^[\w.-]+:\d{1,5}$/.test(text)) return `tcp:${text}`;
  if (/^(?:\/|\.{1,2}\/|~)/.test(text)) return `file:${text}`;
  const scheme = SCHEME.exec(text)?.[1];
  if (scheme === undefined) return undefined;
  const lower = scheme.toLowerCase();
  // hasOwn: `constructor:x` must not find Object.prototype.constructor.
  const intended = (Object.hasOwn(SCHEME_SYNONYMS, lower) ? SCHEME_SYNONYMS[lower] : undefined) ?? suggest(lower, KNOWN_SCHEMES);
  if (intended === undefined) return undefined;
  const rest = text.slice(scheme.length + 1);
  if (intended.startsWith('http')) return `${intended}://${rest.replace(/^\/*/, '')}`;
  if (intended === 'log' || intended === 'cmd' || intended === 'delay') return `${intended}: ${rest.trim()}`;
  return `${intended}:${rest}`;
}
