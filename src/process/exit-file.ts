// Reads `<name>.exit`, written by the wrapper (wrapper.ts) when a service
// ended on its own: "exit <code>" or "signal <NAME>", one line; the file's
// mtime is the exit time. No file means still running, or stopped by us.
import { readFileSync, statSync } from 'node:fs';

export interface ExitRecord {
  code: number | null;
  signal: string | null;
  /** Epoch ms. */
  atMs: number;
}

export function readExitFile(exitFile: string): ExitRecord | undefined {
  let text: string;
  let atMs: number;
  try {
    text = readFileSync(exitFile, 'utf8');
    atMs = Math.round(statSync(exitFile).mtimeMs);
  } catch {
    return undefined;
  }
  return parseExitRecord(text, atMs);
}

export function parseExitRecord(text: string, atMs: number): ExitRecord | undefined {
  const match = /^(exit|signal) (\S+)\s*$/.exec(text);
  if (!match) return undefined;
  const [, kind, value = ''] = match;
  if (kind === 'signal') return { code: null, signal: value.startsWith('SIG') ? value : `SIG${value}`, atMs };
  const code = Number(value);
  return Number.isInteger(code) ? { code, signal: null, atMs } : undefined;
}
