// Real runners are not root: GitHub-hosted jobs run as `runner` (passwordless
// sudo), GitLab shell executors as `gitlab-runner` (no sudo). .ci/run creates
// both, and `bgsvc-other` whose processes run beside theirs. Tests that make
// claims about processes run the built CLI as these users, through runuser.
import { chownSync, chmodSync, copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI, runCli, type CliRun } from './cli.js';
import { missingPrerequisites, userExists } from './binaries.js';
import { parentOf, waitFor } from './proc.js';
import { scratchDir } from './scratch.js';

/** GitHub-hosted runner's shape: passwordless sudo. */
export const SUDO_USER = 'runner';
/** GitLab shell executor's shape: no sudo. */
export const PLAIN_USER = 'gitlab-runner';
/** Someone else on the same machine. */
export const OTHER_USER = 'bgsvc-other';

/** Why the non-root tests cannot run here, or undefined. */
export function nonRootPrerequisites(): string | undefined {
  const missingUsers = [SUDO_USER, PLAIN_USER, OTHER_USER].filter((name) => !userExists(name));
  return missingPrerequisites(
    ['runuser', 'sudo'],
    [
      process.getuid?.() === 0 ? undefined : 'the tests must run as root to switch users',
      missingUsers.length > 0 ? `users ${missingUsers.join(', ')} do not exist (.ci/run creates them)` : undefined,
    ],
  );
}

export function uidOf(user: string): number {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith(`${user}:`));
  if (!line) throw new Error(`no user ${user}`);
  return Number(line.split(':')[2]);
}

/** A scratch dir owned by `user` (mode 0700), removed after the file like any other. */
export function userDir(user: string, name: string): string {
  const dir = scratchDir(name);
  const uid = uidOf(user);
  chownSync(dir, uid, uid);
  return dir;
}

let cliCopy: string | undefined;

// The checkout may sit in a dir only root can enter (CI clones anywhere), so
// the other users run a copy of the built CLI from a world-readable dir.
// Not a scratch dir: those go after each fault-matrix repetition, this lives for the file.
export function cliForOtherUsers(): string {
  if (cliCopy) return cliCopy;
  const dir = mkdtempSync(join(tmpdir(), 'bgsvc-cli-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  chmodSync(dir, 0o755);
  const dist = join(CLI, '..');
  for (const file of readdirSync(dist).filter((name) => name.endsWith('.cjs'))) copyFileSync(join(dist, file), join(dir, file));
  cliCopy = join(dir, 'cli.cjs');
  return cliCopy;
}

/** Runs the built CLI as `user` the way a runner does (pipes), in `cwd`. */
export function runCliAs(
  user: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CliRun> {
  return runCli(args, { ...options, as: { user, cli: cliForOtherUsers() } });
}

export interface UserProject {
  dir: string;
  stateDir: string;
  /** The built CLI in `dir`, as the project's user, with BGSVC_STATE_DIR set (plus `env`). */
  cli: (args: string[], env?: NodeJS.ProcessEnv) => Promise<CliRun>;
}

/**
 * `bgsvc.yml` with `config` in a fresh dir owned by `user` (root's own scratch
 * dir when undefined), its state in `<dir>/<stateName>`, and a CLI that runs
 * there as that user. The caller cleans up by stateDir (killLeftovers).
 */
export function projectAs(user: string | undefined, config: string, options: { name?: string; stateName?: string } = {}): UserProject {
  const dir = user ? userDir(user, options.name ?? 'project') : scratchDir(options.name ?? 'test');
  writeFileSync(join(dir, 'bgsvc.yml'), config);
  const stateDir = join(dir, options.stateName ?? '.state');
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> => {
    const run = { cwd: dir, env: { BGSVC_STATE_DIR: stateDir, ...env } };
    return user ? runCliAs(user, args, run) : runCli(args, run);
  };
  return { dir, stateDir, cli };
}

let fixturesCopy: string | undefined;

/** test/fixtures/services, copied once per file to a world-readable dir (the checkout may be root's only). */
export function fixturesForOtherUsers(): string {
  if (fixturesCopy) return fixturesCopy;
  const dir = mkdtempSync(join(tmpdir(), 'bgsvc-fixtures-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  chmodSync(dir, 0o755);
  cpSync(resolve(import.meta.dirname, '../fixtures/services'), join(dir, 'services'), { recursive: true });
  fixturesCopy = join(dir, 'services');
  return fixturesCopy;
}

/**
 * The CLI process runCliAs started, given runuser's pid: its child. Signals go
 * there, as a runner's reach bgsvc itself (runuser would relay some, not KILL).
 */
export async function innerPid(runuserPid: number): Promise<number> {
  let found: number | undefined;
  await waitFor(() => {
    for (const entry of readdirSync('/proc')) {
      if (/^\d+$/.test(entry) && parentOf(Number(entry)) === runuserPid) found = Number(entry);
    }
    return found !== undefined;
  }, 5000);
  if (found === undefined) throw new Error(`runuser ${runuserPid} has no child`);
  return found;
}
