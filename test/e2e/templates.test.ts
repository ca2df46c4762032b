// examples/templates through the built CLI (issue 17, shared definitions):
// PostgreSQL and Redis from templates in an included file, each service giving
// its template's params. The params reach the command (the server listens on
// the port the param names), the cmd: probe (it passes only against that
// port), the stop command (pg_ctl stop -D ".pgdata-$param_port") and the
// service's environment (read from /proc); afterwards nothing of either is left.
//
// initdb refuses root: PostgreSQL runs as the `postgres` user, as in
// services-postgres.test.ts. Redis runs as root and as GitLab's shell-executor
// user (no sudo).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeWithPrerequisites, missingPrerequisites, userExists } from '../helpers/binaries.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { copyExample, giveTo, killRun, recordedId, runCommand } from '../helpers/examples.js';
import { freePort } from '../helpers/ports.js';
import { isAlive, pidsWithEnv } from '../helpers/proc.js';
import { descendantsOf, killFamilyOf, pidFromFile } from '../helpers/proc-tree.js';
import { nonRootPrerequisites, PLAIN_USER, runCliAs } from '../helpers/users.js';

const asRoot = process.getuid?.() === 0;
const redisMissing = missingPrerequisites(['redis-server', 'redis-cli']);

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A copy of examples/templates on free ports, owned by `user`, with PostgreSQL's version set to the one installed. */
async function example(user: string | undefined) {
  const pgPort = await freePort();
  const redisPort = await freePort();
  const dir = copyExample('templates', { 5432: pgPort, 6379: redisPort });
  const config = join(dir, 'bgsvc.yml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('version: "16"', `version: "${majorVersion()}"`));
  if (user) giveTo(dir, user);
  cleanups.push(() => {
    try {
      killFamilyOf(pidFromFile(join(dir, `.pgdata-${pgPort}/postmaster.pid`)), /postgres/);
    } catch {
      // Never started, or shut down cleanly (the pid file is gone).
    }
    killRun(dir);
  });
  const env = { BGSVC_STATE_DIR: join(dir, '.bgsvc') };
  const cli = (args: string[]): Promise<CliRun> => (user ? runCliAs(user, args, { cwd: dir, env }) : runCli(args, { cwd: dir, env }));
  return { dir, pgPort, redisPort, cli };
}

// The server's major version, which the template turns into /usr/lib/postgresql/<version>/bin.
function majorVersion(): string {
  const text = spawnSync('initdb', ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return /(\d+)(?:\.\d+)?/.exec(text)?.[1] ?? '';
}

function environOf(pid: number): Record<string, string> {
  const entries = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
  return Object.fromEntries(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

async function redisServerPid(port: number): Promise<number> {
  const info = await runCommand(['redis-cli', '-p', String(port), 'info', 'server'], { cwd: '/' });
  return Number(/process_id:(\d+)/.exec(info.stdout)?.[1]);
}

const pgUser = asRoot ? 'postgres' : undefined;
const pgMissing = missingPrerequisites(
  ['initdb', 'pg_ctl', 'pg_isready', 'psql', 'redis-server', 'redis-cli', ...(asRoot ? ['runuser'] : [])],
  [asRoot && !userExists('postgres') ? 'running as root and there is no "postgres" user to run initdb as' : undefined],
);

describeWithPrerequisites(`PostgreSQL and Redis from included templates (examples/templates)${pgUser ? `, as ${pgUser}` : ''}`, pgMissing, () => {
  it('starts both with their params in command, probe, stop and environment, and stop leaves nothing', async () => {
    const { dir, pgPort, redisPort, cli } = await example(pgUser);
    const start = await cli(['start']);
    expect(start.code, start.stderr).toBe(0);
    expect(start.stderr).toMatch(/db ready in \S+ \(cmd: pg_isready -h 127\.0\.0\.1 -p \$param_port\)/);
    expect(start.stderr).toMatch(/cache ready in \S+ \(cmd: redis-cli -p \$param_port ping\)/);

    // The servers listen where the params say: the command saw them.
    const psql = await runCommand(['psql', '-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres', '-Atc', 'select 6 * 7'], { cwd: '/' });
    expect(psql.stdout.trim()).toBe('42');
    const ping = await runCommand(['redis-cli', '-p', String(redisPort), 'ping'], { cwd: '/' });
    expect(ping.stdout.trim()).toBe('PONG');

    const postmaster = pidFromFile(join(dir, `.pgdata-${pgPort}/postmaster.pid`));
    expect(environOf(postmaster)).toMatchObject({ param_version: majorVersion(), param_port: String(pgPort), BGSVC_SERVICE: 'db' });
    const family = [postmaster, ...descendantsOf(postmaster), await redisServerPid(redisPort)];

    const stop = await cli(['stop']);
    expect(stop.code, stop.stderr).toBe(0);
    // pg_ctl stop found the data dir through $param_port: a clean, fast shutdown.
    expect(stop.stderr).toMatch(/db stop command exited 0 after \S+: .*pg_ctl stop -D "\.pgdata-\$param_port" -m fast/);
    expect(stop.stderr).toMatch(/db stopped \(stop command/);
    expect(stop.stderr).toMatch(/cache stopped \(SIGTERM/);
    expect(family.filter(isAlive)).toEqual([]);
    expect(pidsWithEnv('BGSVC_ID', recordedId(dir))).toEqual([]);
    expect(readFileSync(join(dir, '.bgsvc/logs/db.log'), 'utf8')).toMatch(/received fast shutdown request/);
  });
});

function redisFromTemplate(user: string | undefined): void {
  it('starts the Redis service alone (--only cache) on its param port, and stop leaves no process', async () => {
    const { dir, redisPort, cli } = await example(user);
    const start = await cli(['start', '--only', 'cache']);
    expect(start.code, start.stderr).toBe(0);
    expect(start.stderr).not.toMatch(/db started/);
    const ping = await runCommand(['redis-cli', '-p', String(redisPort), 'ping'], { cwd: '/' });
    expect(ping.stdout.trim()).toBe('PONG');
    const server = await redisServerPid(redisPort);
    // redis-server writes its title over its environment; the shell that ran it kept the params.
    const wrapper = JSON.parse(readFileSync(join(dir, '.bgsvc/state.json'), 'utf8')).services[0].pid as number;
    expect(environOf(wrapper)).toMatchObject({ param_port: String(redisPort), BGSVC_SERVICE: 'cache' });
    expect(descendantsOf(wrapper)).toContain(server);

    const stop = await cli(['stop']);
    expect(stop.code, stop.stderr).toBe(0);
    expect(stop.stderr).toMatch(/cache stopped \(SIGTERM/);
    expect(isAlive(server)).toBe(false);
    expect(pidsWithEnv('BGSVC_ID', recordedId(dir))).toEqual([]);
  });
}

describeWithPrerequisites('Redis from an included template, as root', redisMissing, () => redisFromTemplate(undefined));

describeWithPrerequisites(`Redis from an included template, as ${PLAIN_USER}`, redisMissing ?? nonRootPrerequisites(), () => redisFromTemplate(PLAIN_USER));

describe('a template error through the CLI', () => {
  it('exits 2 before starting anything, naming the service\'s line and the template\'s in the included file', async () => {
    const { dir, cli } = await example(undefined);
    const config = join(dir, 'bgsvc.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('params: { port:', 'params: { prot:'));
    const start = await cli(['start']);
    expect(start.code).toBe(2);
    expect(start.stderr).toMatch(
      /bgsvc\.yml:\d+:\d+: commands\[1\]\.params\.prot: unknown param "prot"; did you mean "port"\? \(template "redis" at ci\/services\.yml:\d+:\d+ takes port\)/,
    );
    expect(start.stderr).not.toMatch(/started/);
  });
});
