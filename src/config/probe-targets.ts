// The parts shared by the string (`tcp:6379`) and object (`{tcp: 6379}`) probe
// forms: checking a URL, a TCP target, a regex, a path. Each returns the value
// or a reason that the caller wraps with the form the user actually wrote.

import { fileURLToPath } from 'node:url';
import { quote } from './describe.js';

/** A problem with one probe; `key` names the field of an object probe it is about. */
export interface ProbeProblem {
  error: string;
  key?: string;
  /** Point at the key itself (unknown or misplaced keys), not at its value. */
  atKey?: boolean;
}

export const PROBE_FORMS =
  'http://…, https://…, tcp:PORT, tcp:HOST:PORT, socket:PATH, file:PATH, log: REGEX, cmd: COMMAND or delay: DURATION';

export type Checked<T> = T | { reason: string };

export function failed<T extends object>(result: Checked<T>): result is { reason: string } {
  return 'reason' in result;
}

/** http(s) URLs, with wait-on's `http-get://` / `https-get://` spellings folded in. */
export function checkHttpUrl(text: string): Checked<{ url: string }> {
  if (/\s/.test(text)) return { reason: 'a URL cannot contain spaces' };
  const folded = text.replace(/^(https?)-get:/, '$1:');
  let url: URL;
  try {
    url = new URL(folded);
  } catch {
    return { reason: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { reason: 'only http:// and https:// URLs can be probed' };
  if (url.hostname === '') return { reason: 'the URL has no host' };
  return { url: url.href };
}

/** `PORT`, `HOST:PORT` or `[IPv6]:PORT`; the host defaults to localhost. */
export function checkTcpTarget(target: string): Checked<{ host: string; port: number }> {
  const rest = target.trim().replace(/^\/\//, '');
  let host = 'localhost';
  let portText = rest;
  const bracketed = /^\[([0-9A-Fa-f:.]+)\]:(.*)$/.exec(rest);
  if (bracketed !== null) {
    host = bracketed[1] ?? '';
    portText = bracketed[2] ?? '';
  } else if (rest.includes(':')) {
    const colon = rest.lastIndexOf(':');
    host = rest.slice(0, colon);
    portText = rest.slice(colon + 1);
    if (host.includes(':')) return { reason: `write an IPv6 address in brackets: [${host}]:${portText}` };
    if (host === '' || /[\s/[\]]/.test(host)) return { reason: `${quote(host)} is not a host name` };
  }
  if (!/^\d{1,5}$/.test(portText)) return { reason: `${quote(portText)} is not a port number (1-65535)` };
  const port = Number(portText);
  if (port < 1 || port > 65_535) return { reason: `port ${port} is out of range (1-65535)` };
  return { host, port };
}

/** The pattern compiles the way the log probe will compile it. */
export function checkRegex(pattern: string): Checked<{ pattern: string }> {
  if (pattern === '') return { reason: 'the pattern is empty' };
  try {
    new RegExp(pattern);
  } catch (error) {
    // V8 says "Invalid regular expression: /(/: Unterminated group"; keep the last part.
    const detail = error instanceof Error ? error.message.split(': ').pop() : String(error);
    return { reason: `invalid regular expression ${quote(pattern)}: ${detail}` };
  }
  return { pattern };
}

/**
 * A file or socket path; relative paths stay relative (the service's cwd applies later).
 * With `fileUrl`, a body starting `//` is the rest of a `file://` URL.
 */
export function checkPath(text: string, options: { fileUrl: boolean }): Checked<{ path: string }> {
  if (text.trim() === '') return { reason: 'the path is empty' };
  if (!options.fileUrl || !text.startsWith('//')) return { path: text };
  try {
    return { path: fileURLToPath(`file:${text}`) };
  } catch {
    return { reason: `${quote(`file:${text}`)} is not a valid file:// URL` };
  }
}
