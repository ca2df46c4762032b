import { randomHex } from '../random.js';
import { chmodSync, closeSync, constants as fsConstants, fstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { assertSafeStateDir, UnsafeDirError } from './dir-safety.js';
import { STATE_SCHEMA, STATE_VERSION, type StateFile } from './schema.js';
import { removeFile } from '../remove-file.js';

export const STATE_FILE_NAME = 'state.json';

export function stateFilePath(stateDir: string): string {
  return join(stateDir, STATE_FILE_NAME);
}

// Owner-only: logs and state may hold secrets a service printed or was given.
// Only a dir made here is locked down (chmod overrides the umask): an existing
// one the user chose, e.g. a shared sticky dir, keeps its mode, or running as
// root with `--log-dir /tmp` would lock everyone else out of /tmp.
export function ensurePrivateDir(dir: string): void {
  const created = mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (created === undefined) return;
  try {
    chmodSync(dir, 0o700);
  } catch {
    // Made but not changeable (an odd filesystem); keep going.
  }
}

// Written after every spawn: a temp file + rename means a reader (or a crash)
// never sees half a file. The temp name is random and created with O_EXCL
// ('wx'): a planted `state.json.<pid>.tmp` symlink is never written through.
export function writeState(state: StateFile): void {
  ensurePrivateDir(state.stateDir);
  writeAtomically(stateFilePath(state.stateDir), `${JSON.stringify(state, null, 2)}\n`);
}

/** `<state dir>/env`: the values for later steps, in sh form, for `source .bgsvc/env`. */
export function envFilePath(stateDir: string): string {
  return join(stateDir, 'env');
}

/** Written once a start is ready; removed once everything is stopped, so it never hands on a dead service's port. */
export function writeEnvFile(stateDir: string, text: string | undefined): void {
  if (text === undefined) removeFile(envFilePath(stateDir));
  else writeAtomically(envFilePath(stateDir), text);
}

function writeAtomically(target: string, text: string): void {
  const temp = `${target}.${randomHex(8)}.tmp`;
  try {
    writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    removeFile(temp);
    throw error;
  }
}

export type ReadStateResult =
  | { kind: 'missing'; path: string }
  | { kind: 'ok'; path: string; state: StateFile }
  | { kind: 'invalid'; path: string; problem: string; id: string | undefined };

// Reads what an earlier start left. An unreadable file still yields the
// cookie when it can be found, so its processes can be swept. A state file
// names the stop commands to run, so it is trusted only from a dir that only
// we can write to, and only if it is ours (throws UnsafeDirError otherwise).
export function readState(stateDir: string): ReadStateResult {
  const path = stateFilePath(stateDir);
  assertSafeStateDir(stateDir);
  let text: string;
  try {
    text = readOwnFile(path);
  } catch (error) {
    if (error instanceof UnsafeDirError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing', path };
    const problem = code === 'ELOOP' ? 'it is a symbolic link, and bgsvc never writes one' : (error as Error).message;
    return { kind: 'invalid', path, problem, id: undefined };
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
  // Written back where it was read: a copied or edited file must not send the
  // next write (and its chmod) to the directory it names.
  return { kind: 'ok', path, state: { ...(parsed as StateFile), stateDir } };
}

function readOwnFile(path: string): string {
  const fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW);
  try {
    const stats = fstatSync(fd);
    const uid = process.getuid?.();
    if (uid !== undefined && stats.uid !== uid) {
      throw new UnsafeDirError({
        path: join(path, '..'),
        role: 'state dir',
        origin: 'default',
        problem: `its state.json belongs to uid ${stats.uid}, not to you (uid ${uid})`,
        ownerUid: stats.uid,
        mode: stats.mode & 0o7777,
      });
    }
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

function checkShape(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'it is not a JSON object';
  const record = value as Record<string, unknown>;
  if (record.schema !== STATE_SCHEMA) return `it is not a bgsvc state file (schema ${JSON.stringify(record.schema)})`;
  if (record.version !== STATE_VERSION) {
    return `it has state version ${JSON.stringify(record.version)}; this bgsvc reads version ${STATE_VERSION}`;
  }
  if (typeof record.id !== 'string' || !Array.isArray(record.services)) return 'it lacks an id or a services list';
  // The id becomes the cookie the sweep matches environments against.
  if (!COOKIE_ID.test(record.id)) return `its id ${JSON.stringify(record.id.slice(0, 80))} is not one bgsvc writes`;
  for (const service of record.services as unknown[]) {
    const s = service as Record<string, unknown>;
    if (typeof s?.name !== 'string' || typeof s.pid !== 'number' || typeof s.startTime !== 'string') {
      return 'a service entry lacks its name, pid or start time';
    }
    // Everything stop hands to the process code, which refuses (throws on) bad values.
    const problem = checkServiceRecord(s);
    if (problem) return `service ${JSON.stringify(String(s.name).slice(0, 80))}: ${problem}`;
  }
  return undefined;
}

const COOKIE_ID = /^[A-Za-z0-9_-]{8,64}$/;
const SERVICE_NAME = /^[A-Za-z0-9._-]{1,64}$/;
// Above any pid_max (Linux allows 2^22); kill() takes a 32-bit signed pid.
const MAX_PID = 2 ** 31 - 1;

function checkServiceRecord(s: Record<string, unknown>): string | undefined {
  if (!SERVICE_NAME.test(s.name as string)) return 'the name is not one bgsvc accepts';
  if (!isPid(s.pid)) return `pid ${String(s.pid)} is not a process id`;
  if (s.stopSignal !== undefined && !(typeof s.stopSignal === 'string' && Object.hasOwn(constants.signals, s.stopSignal))) {
    return `stop signal ${JSON.stringify(s.stopSignal)} is not a signal`;
  }
  const grace = s.stopTimeoutMs;
  if (grace !== undefined && !(typeof grace === 'number' && Number.isFinite(grace) && grace >= 0)) {
    return `stop timeout ${JSON.stringify(grace)} is not a duration`;
  }
  if (s.listeners !== undefined) {
    if (!Array.isArray(s.listeners)) return 'its listeners are not a list';
    for (const listener of s.listeners as Array<Record<string, unknown> | null>) {
      const tcp = listener?.kind === 'tcp' && typeof listener.host === 'string' && LOOPBACK.test(listener.host) && isPort(listener.port);
      const socket = listener?.kind === 'socket' && typeof listener.path === 'string' && listener.path.startsWith('/');
      if (!tcp && !socket) return 'a listener is not a loopback port or an absolute socket path';
    }
  }
  if (s.adopted !== undefined) {
    if (!Array.isArray(s.adopted)) return 'its adopted processes are not a list';
    for (const holder of s.adopted as Array<Record<string, unknown> | null>) {
      const ok = isPid(holder?.pid) && typeof holder?.startTime === 'string' && holder.startTime !== '';
      if (!ok) return 'an adopted process lacks a valid pid or start time';
    }
  }
  return undefined;
}

// Only loopback targets are recorded; stop connects to them to check they closed.
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\]|0\.0\.0\.0|::|\[::\])$/i;

function isPort(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

function isPid(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_PID;
}
