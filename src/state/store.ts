import { mkdirSync, readFileSync, renameSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_SCHEMA, STATE_VERSION, type StateFile } from './schema.js';

export const STATE_FILE_NAME = 'state.json';

export function stateFilePath(stateDir: string): string {
  return join(stateDir, STATE_FILE_NAME);
}

// Owner-only: logs and state may hold secrets a service printed or was given.
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    chmodSync(dir, 0o700);
  } catch {
    // Not ours to change (a shared dir the user chose); keep going.
  }
}

// Written after every spawn: a temp file + rename means a reader (or a crash)
// never sees half a file.
export function writeState(state: StateFile): void {
  ensurePrivateDir(state.stateDir);
  const target = stateFilePath(state.stateDir);
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, target);
}

export type ReadStateResult =
  | { kind: 'missing'; path: string }
  | { kind: 'ok'; path: string; state: StateFile }
  | { kind: 'invalid'; path: string; problem: string; id: string | undefined };

// Reads what an earlier start left. An unreadable file still yields the
// cookie when it can be found, so its processes can be swept.
export function readState(stateDir: string): ReadStateResult {
  const path = stateFilePath(stateDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing', path };
    return { kind: 'invalid', path, problem: (error as Error).message, id: undefined };
  }
  const id = /"id"\s*:\s*"([A-Za-z0-9_-]{8,64})"/.exec(text)?.[1];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'invalid', path, problem: 'it is not valid JSON (truncated or corrupted)', id };
  }
  const problem = checkShape(parsed);
  if (problem) return { kind: 'invalid', path, problem, id };
  return { kind: 'ok', path, state: parsed as StateFile };
}

function checkShape(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'it is not a JSON object';
  const record = value as Record<string, unknown>;
  if (record.schema !== STATE_SCHEMA) return `it is not a bgsvc state file (schema ${JSON.stringify(record.schema)})`;
  if (record.version !== STATE_VERSION) {
    return `it has state version ${JSON.stringify(record.version)}; this bgsvc reads version ${STATE_VERSION}`;
  }
  if (typeof record.id !== 'string' || !Array.isArray(record.services)) return 'it lacks an id or a services list';
  for (const service of record.services as unknown[]) {
    const s = service as Record<string, unknown>;
    if (typeof s?.name !== 'string' || typeof s.pid !== 'number' || typeof s.startTime !== 'string') {
      return 'a service entry lacks its name, pid or start time';
    }
  }
  return undefined;
}
