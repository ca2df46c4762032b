// `port: auto`, `$VAR` in probe targets, and `export:` (issue 17, parts 1 and 2):
// bgsvc chooses a free loopback port, hands it over as $PORT, probes the real
// port, and hands each service's values to later steps (`bgsvc env`, the
// `<state dir>/env` file, `run`'s command). Real servers on real sockets,
// through the built CLI, as root and as GitLab's shell-executor user.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { killLeftovers, makeProject, readStateFile, runCli } from '../helpers/cli.js';
import { describeWithPrerequisites } from '../helpers/binaries.js';
import { pidsWithEnv } from '../helpers/proc.js';
import { freePort } from '../helpers/ports.js';
import { bgsvc, copyExample, giveTo, recordedId } from '../helpers/examples.js';
import { nonRootPrerequisites, PLAIN_USER, projectAs } from '../helpers/users.js';

const stateDirs: string[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const dir of stateDirs.splice(0)) killLeftovers(dir);
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function project(user: string | undefined, config: string, stateName = '.state') {
  const made = projectAs(user, config, { name: 'ports', stateName });
  stateDirs.push(made.stateDir);
  return made;
}

/** An HTTP server on 127.0.0.1:$PORT that answers with the port it was given and $GREETING. */
const HTTP_ON_PORT = `node -e "require('http').createServer((q, s) => s.end(process.env.PORT + ' ' + (process.env.GREETING || ''))).listen(+process.env.PORT, '127.0.0.1')"`;

const TWO_SERVICES = `
commands:
  - name: api
    command: ${HTTP_ON_PORT}
    port: auto
    env: { GREETING: hello }
    wait-on: http://127.0.0.1:$PORT/health
    stop: echo "$PORT" > api.stopped-on
    export:
      API_URL: http://127.0.0.1:\${PORT}/
      API_NAME: $BGSVC_SERVICE on $PORT
  - name: web-2
    command: ${HTTP_ON_PORT}
    port: auto
    needs: [api]
    wait-on: { tcp: "127.0.0.1:$PORT" }
`;

const sh = (script: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });

function portTests(user: string | undefined): void {
  it('gives each service a free port as $PORT, probes that port, and hands the ports and export: values on', async () => {
    const { dir, stateDir, cli } = project(user, TWO_SERVICES);
    const start = await cli(['start']);
    expect(start.code, start.stderr).toBe(0);
    const status = JSON.parse((await cli(['status', '--json'])).stdout);
    const [api, web] = status.services as Array<{ name: string; port: number; state: string }>;
    expect(api).toMatchObject({ name: 'api', state: 'running' });
    expect(web).toMatchObject({ name: 'web-2', state: 'running' });
    expect(api!.port).toBeGreaterThan(1023);
    expect(web!.port).not.toBe(api!.port);
    // The probe's text names the real port: it waited on the port the service was given.
    expect(start.stderr).toContain(`api started (pid ${readStateFile(stateDir).services[0]!.pid}, port ${api!.port})`);
    expect(start.stderr).toContain(`api ready in`);
    expect(start.stderr).toContain(`(http://127.0.0.1:${api!.port}/health)`);
    expect(start.stderr).toContain(`(tcp:127.0.0.1:${web!.port})`);
    // The service really listens there, with its own env.
    expect(await (await fetch(`http://127.0.0.1:${api!.port}/`)).text()).toBe(`${api!.port} hello`);

    const expected = {
      BGSVC_PORT_API: String(api!.port),
      API_URL: `http://127.0.0.1:${api!.port}/`,
      API_NAME: `api on ${api!.port}`,
      BGSVC_PORT_WEB_2: String(web!.port),
    };
    // sh: evaluated by a real shell, as `eval "$(bgsvc env)"` would.
    const envSh = await cli(['env']);
    expect(envSh.code).toBe(0);
    const evaluated = sh(`${envSh.stdout}\nprintf '%s|%s|%s|%s' "$BGSVC_PORT_API" "$API_URL" "$API_NAME" "$BGSVC_PORT_WEB_2"`);
    expect(evaluated.stdout).toBe(Object.values(expected).join('|'));
    expect(JSON.parse((await cli(['env', '--format', 'json'])).stdout)).toEqual(expected);
    expect((await cli(['env', '-f', 'dotenv'])).stdout).toBe(
      `BGSVC_PORT_API=${api!.port}\nAPI_URL=http://127.0.0.1:${api!.port}/\nAPI_NAME="api on ${api!.port}"\nBGSVC_PORT_WEB_2=${web!.port}\n`,
    );
    // `source .bgsvc/env` in a later script line (GitLab).
    const sourced = sh(`. '${join(stateDir, 'env')}' && printf %s "$API_URL"`);
    expect(sourced.stdout).toBe(expected.API_URL);

    const stop = await cli(['stop']);
    expect(stop.code, stop.stderr).toBe(0);
    expect(pidsWithEnv('BGSVC_ID', readStateFile(stateDir).id)).toEqual([]);
    // Its stop command ran with the same $PORT.
    expect(readFileSync(join(dir, 'api.stopped-on'), 'utf8')).toBe(`${api!.port}\n`);
    // Nothing is handed on for services that are gone.
    expect(existsSync(join(stateDir, 'env'))).toBe(false);
    expect((await cli(['env'])).stdout).toBe('');
  });

  it('runs examples/ports twice side by side (two jobs, one machine): no port collision, and run hands each command its URLs', async () => {
    const copies = [copyExample('ports'), copyExample('ports')];
    for (const dir of copies) {
      if (user) giveTo(dir, user);
      stateDirs.push(join(dir, '.bgsvc'));
    }
    // As the README says to run it, from its own folder.
    const runs = await Promise.all(copies.map((cwd) => bgsvc(['run', '--', 'node', 'check.mjs'], { cwd, user })));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^API_URL=http:\/\/127\.0\.0\.1:(\d+): api on \1\nWEB_URL=http:\/\/127\.0\.0\.1:(\d+): web on \2\n$/);
    }
    const ports = runs.flatMap((run) => [...run.stderr.matchAll(/started \(pid \d+, port (\d+)\)/g)].map((match) => match[1]));
    expect(ports).toHaveLength(4);
    expect(new Set(ports).size).toBe(4);
    for (const dir of copies) expect(pidsWithEnv('BGSVC_ID', recordedId(dir))).toEqual([]);
  });

  it('starts a service once more on another port when its chosen port was taken before it could bind', async () => {
    // The first attempt's server finds its port taken (by its own first socket: a
    // real EADDRINUSE, as when another job binds the port between choice and bind).
    const { dir, stateDir, cli } = project(
      user,
      `
commands:
  - name: api
    command: |
      if [ ! -e first-attempt ]; then
        echo "$PORT" > first-attempt
        exec node -e "const p = +process.env.PORT; require('net').createServer().listen(p, '127.0.0.1', () => require('http').createServer().listen(p, '127.0.0.1'))"
      fi
      exec ${HTTP_ON_PORT}
    port: auto
    wait-on: http://127.0.0.1:$PORT/
`,
    );
    const start = await cli(['start']);
    expect(start.code, start.stderr).toBe(0);
    const firstPort = readFileSync(join(dir, 'first-attempt'), 'utf8').trim();
    expect(start.stderr).toContain(`api: port ${firstPort} was taken by another process before it could bind it; starting it again on another free port`);
    const { port } = readStateFile(stateDir).services[0]! as unknown as { port: number };
    expect(String(port)).not.toBe(firstPort);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe(`${port} `);
    // The failed attempt's log is kept.
    expect(readFileSync(join(stateDir, 'logs', 'api.prev.log'), 'utf8')).toMatch(/EADDRINUSE/);
    expect((await cli(['stop'])).code).toBe(0);
    expect(pidsWithEnv('BGSVC_ID', readStateFile(stateDir).id)).toEqual([]);
  });

  it('refuses a pinned port that is already taken, naming the holder, and starts nothing', async () => {
    const holder = createServer();
    servers.push(holder);
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const taken = (holder.address() as { port: number }).port;
    const { dir, cli } = project(
      user,
      `
commands:
  - name: db
    command: touch db.started; exec sleep 1000
    port: ${taken}
`,
    );
    const start = await cli(['start']);
    expect(start.code).toBe(1);
    expect(start.stderr).toContain(`db was not started: port ${taken} (port: ${taken}) is already in use`);
    // Root sees the holder (this test's own process); another user is not told whose it is.
    if (!user) expect(start.stderr).toContain(`is already in use by pid ${process.pid}`);
    expect(existsSync(join(dir, 'db.started'))).toBe(false);
  });
}

describe('port: auto and export:, as root', () => portTests(undefined));

describeWithPrerequisites(`port: auto and export:, as ${PLAIN_USER}`, nonRootPrerequisites(), () => portTests(PLAIN_USER));

describe('variables in the config', () => {
  it('reports unknown variables, a PORT set twice and a bad port at file:line:col with exit 2, starting nothing', async () => {
    const { dir, stateDir } = makeProject(`
commands:
  - name: api
    command: touch api.started; exec sleep 1000
    port: auto
    env: { PORT: "3000" }
    wait-on: http://127.0.0.1:$PROT/
    export:
      URL: http://127.0.0.1:$PORT/$DB_NAME
  - name: web
    command: sleep 1000
    port: 70000
`);
    stateDirs.push(stateDir);
    const start = await runCli(['start'], { cwd: dir, env: { BGSVC_STATE_DIR: stateDir } });
    expect(start.code).toBe(2);
    expect(start.stderr).toContain('bgsvc.yml:6:12: commands[0].env: "PORT" is set by "port:"');
    expect(start.stderr).toContain('bgsvc.yml:7:14: commands[0].wait-on: unknown variable $PROT: did you mean $PORT?');
    expect(start.stderr).toContain(
      "bgsvc.yml:9:12: commands[0].export.URL: unknown variable $DB_NAME: the service's environment has no DB_NAME; set it in its \"env:\" or in the job's environment",
    );
    expect(start.stderr).toContain('bgsvc.yml:12:11: commands[1].port: expected "auto"');
    expect(existsSync(join(dir, 'api.started'))).toBe(false);
  });

  it("expands the job's own environment in probe targets", async () => {
    const appPort = await freePort();
    const { dir, stateDir } = makeProject(`
commands:
  - name: app
    command: PORT=$APP_PORT ${HTTP_ON_PORT}
    wait-on: http://127.0.0.1:\${APP_PORT}/
`);
    stateDirs.push(stateDir);
    const run = await runCli(['run', '--', 'true'], { cwd: dir, env: { BGSVC_STATE_DIR: stateDir, APP_PORT: String(appPort) } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`app ready in`);
    expect(run.stderr).toContain(`(http://127.0.0.1:${appPort}/)`);
  });
});
