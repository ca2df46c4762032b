// Shared, persistent runners (issue 13): another user who owns, or can write
// to, a state or log dir can plant a symlink where a log will be written,
// read the logs (services print their env), or replace state.json with a
// forged `stop:` that the victim's `bgsvc stop` then runs as the victim,
// root included. So a dir is used only if it passes these checks, before
// anything reads from it or writes to it (DESIGN §5).
import { chmodSync, lstatSync, mkdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';
import type { DirOrigin, StateLocation } from './locate.js';

export type DirRole = 'state dir' | 'run dir' | 'log dir';

export interface UnsafeDir {
  /** The dir bgsvc wanted to use. */
  path: string;
  role: DirRole;
  /** Who chose that dir: the user's config (exit 2) or bgsvc's default (exit 1). */
  origin: DirOrigin;
  /** Why, in words, naming the dir at fault when it is one above, with its owner and mode. */
  problem: string;
  /** Owner and mode of the dir at fault, when it could be read. */
  ownerUid?: number;
  mode?: number;
}

// Thrown before anything starts, reads a state file or is signalled.
export class UnsafeDirError extends Error {
  override readonly name = 'UnsafeDirError';
  constructor(readonly unsafe: UnsafeDir) {
    super(describeUnsafeDir(unsafe));
  }
}

function describeUnsafeDir(unsafe: UnsafeDir): string {
  const fix =
    unsafe.origin === 'user'
      ? "choose a dir that you own and only you can write to (BGSVC_STATE_DIR, --log-dir, or the action's log-dir input), for example under $HOME or $RUNNER_TEMP"
      : 'set BGSVC_STATE_DIR to a dir that you own and only you can write to, for example under $HOME or $RUNNER_TEMP';
  return (
    `refusing the ${unsafe.role} ${unsafe.path}: ${unsafe.problem}. ` +
    "Another user could read your services' logs, or plant a state file whose stop command you would run; " +
    `${fix}. Nothing was started or signalled.`
  );
}

function formatMode(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

/**
 * Checks the state dir, its `run/` dir and the log dir (and who owns the dirs
 * above them), creating missing ones owner-only when `create` is set; throws
 * UnsafeDirError for the first one that fails. A no-op where there are no
 * uids (Windows).
 */
export function assertSafeLocation(location: StateLocation, options: { create: boolean }): void {
  const uid = process.getuid?.();
  if (uid === undefined) return;
  const trusted = trustedOwners(uid, location.cwd);
  const origin = location.origin ?? { stateDir: 'default', logDir: 'default' };
  const dirs: Array<{ path: string; role: DirRole; origin: DirOrigin; sticky: boolean }> = [
    { path: resolve(location.stateDir), role: 'state dir', origin: origin.stateDir, sticky: false },
    // The sh wrapper writes `<run>/<name>.exit` through `$3.$$.tmp` + mv: safe
    // because this dir is owner-only (checked here), so nobody else can plant
    // that predictable temp name.
    { path: resolve(location.stateDir, 'run'), role: 'run dir', origin: origin.stateDir, sticky: false },
    // A sticky log dir (/tmp itself) is fine: every log is created fresh with
    // O_EXCL | O_NOFOLLOW, and the sticky bit stops others renaming ours.
    { path: resolve(location.logDir), role: 'log dir', origin: origin.logDir, sticky: true },
  ];
  for (const dir of dirs) {
    const above = findUnsafeAncestor(dir.path, trusted);
    if (above) throw new UnsafeDirError({ ...above, path: dir.path, role: dir.role, origin: dir.origin });
    if (options.create) makePrivateDirs(dir.path);
    const problem = inspectDir(dir.path, { uid, allowSticky: dir.sticky });
    if (problem) throw new UnsafeDirError({ ...problem, path: dir.path, role: dir.role, origin: dir.origin });
  }
}

/** The state dir alone, for a reader that has no location (readState). */
export function assertSafeStateDir(stateDir: string): void {
  const uid = process.getuid?.();
  if (uid === undefined) return;
  const problem = inspectDir(stateDir, { uid, allowSticky: false });
  if (problem) throw new UnsafeDirError({ ...problem, path: stateDir, role: 'state dir', origin: 'default' });
}

type Problem = Pick<UnsafeDir, 'problem' | 'ownerUid' | 'mode'>;

// A dir bgsvc reads or writes: a real directory (lstat: a symlink could be
// re-pointed), ours, and writable by nobody else; a missing one is fine.
function inspectDir(path: string, rules: { uid: number; allowSticky: boolean }): Problem | undefined {
  let stats: Stats | undefined;
  try {
    stats = lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    return { problem: `it cannot be inspected (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  if (!stats) return undefined;
  const mode = stats.mode & 0o7777;
  const found = { ownerUid: stats.uid, mode };
  const facts = `owner uid ${stats.uid}, mode ${formatMode(mode)}`;
  if (stats.isSymbolicLink()) return { ...found, problem: `it is a symbolic link (${facts}), which can be re-pointed at any time` };
  // A file in its place is no one's way in, just unusable: start's own
  // preparation reports it ("not writable", exit 1), as before these checks.
  if (!stats.isDirectory()) return undefined;
  const sticky = (stats.mode & 0o1000) !== 0;
  const othersWrite = (stats.mode & 0o022) !== 0;
  const stickyShared = rules.allowSticky && sticky && (stats.uid === rules.uid || stats.uid === 0);
  if (stats.uid !== rules.uid && !stickyShared) {
    return { ...found, problem: `it belongs to uid ${stats.uid}, not to you (uid ${rules.uid}); mode ${formatMode(mode)}` };
  }
  if (othersWrite && !stickyShared) {
    const why = rules.allowSticky ? 'others can write to it and it is not sticky' : 'others can write to it';
    return { ...found, problem: `${why} (${facts})` };
  }
  return undefined;
}

// Whoever owns a dir above ours can rename ours away and put their own in its
// place (BGSVC_STATE_DIR=/tmp/a/b with /tmp/a another user's), so every
// existing dir above must belong to us, root, or the owner of the working
// directory: that user already controls the config and the code being run
// (a GitHub container job runs as root in a workspace owned by the runner).
// Their modes are not checked: GitLab's docker executor makes every checkout
// dir 0777 (umask 0000), and a world-writable parent exposes the checkout
// itself just as much. Symlinks above (macOS /tmp, /var) are followed and
// the dirs they lead to checked the same way.
function findUnsafeAncestor(path: string, trusted: Set<number>, depth = 0): Problem | undefined {
  const { root } = parse(path);
  let current = root;
  for (const part of dirname(path).slice(root.length).split('/').filter(Boolean)) {
    current = join(current, part);
    let stats: Stats | undefined;
    try {
      // No exception for a missing dir: a fresh job's state dir is missing on every start.
      stats = lstatSync(current, { throwIfNoEntry: false });
    } catch {
      stats = undefined;
    }
    if (!stats) return undefined; // Missing from here down: created by us, owner-only.
    if (!trusted.has(stats.uid)) return foreignAbove(current, stats);
    if (stats.isSymbolicLink() && depth < 8) {
      let target: string;
      try {
        target = realpathSync(current);
      } catch {
        return undefined;
      }
      const above = findUnsafeAncestor(join(target, '.'), trusted, depth + 1) ?? checkOwner(target, trusted);
      if (above) return above;
    }
  }
  return undefined;
}

function checkOwner(path: string, trusted: Set<number>): Problem | undefined {
  const stats = lstatSync(path);
  return trusted.has(stats.uid) ? undefined : foreignAbove(path, stats);
}

function foreignAbove(path: string, stats: Stats): Problem {
  const mode = stats.mode & 0o7777;
  return {
    ownerUid: stats.uid,
    mode,
    problem: `${path} above it belongs to uid ${stats.uid} (mode ${formatMode(mode)}), who could swap what is inside`,
  };
}

function trustedOwners(uid: number, cwd: string | undefined): Set<number> {
  const trusted = new Set([uid, 0]);
  if (cwd !== undefined) {
    try {
      trusted.add(statSync(cwd).uid);
    } catch {
      // No working directory: trust only us and root.
    }
  }
  return trusted;
}

// mkdir one level at a time, each new dir 0700 whatever the umask (chmod
// overrides it); a dir someone else made meanwhile (EEXIST) is left to the
// checks that follow.
function makePrivateDirs(path: string): void {
  const missing: string[] = [];
  for (let current = path; !exists(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      // Not creatable (read-only, EACCES): start's own preparation reports it.
      return;
    }
    chmodSync(dir, 0o700);
  }
}

function exists(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}
