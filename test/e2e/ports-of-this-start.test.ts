// A probe may wait on a port another service of this same start serves (api
// behind a proxy probes db's port): that is no leftover of an earlier job, so
// the start goes on, and the stop verifies that port closed as db's, not as
// api's. A port held by anything else, even a service of an earlier start, is
// still refused. Through the built CLI, as root and as GitLab's shell-executor
// user; "nothing left" is read from /proc.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killLeftovers, readStateFile } from '../helpers/cli.js';
import { describeWithPrerequisites } from '../helpers/binaries.js';
import { freePort } from '../helpers/ports.js';
import { listenAddresses, pidsWithEnv } from '../helpers/proc.js';
import { fixturesForOtherUsers, nonRootPrerequisites, PLAIN_USER, projectAs } from '../helpers/users.js';

const stateDirs: string[] = [];
afterEach(() => {
  for (const dir of stateDirs.splice(0)) killLeftovers(dir);
});

function project(user: string | undefined, name: string, config: string) {
  const made = projectAs(user, config, { name });
  stateDirs.push(made.stateDir);
  return made;
}

const leftovers = (stateDir: string) => pidsWithEnv('BGSVC_ID', readStateFile(stateDir).id);

function portsOfThisStartTests(user: string | undefined): void {
  it("starts a service whose probe targets its dependency's port, stops both cleanly, and still refuses an earlier start's holder", async () => {
    const port = await freePort();
    const server = join(fixturesForOtherUsers(), 'http-after.mjs');
    const db = project(
      user,
      'own-port',
      `
commands:
  - name: db
    command: exec node ${server}
    port: ${port}
    wait-on: "log: Listening on"
  - name: api
    needs: [db]
    command: exec sleep 1000
    wait-on: [tcp:localhost:${port}, http://127.0.0.1:${port}/]
`,
    );
    const start = await db.cli(['start']);
    expect(start.code, start.stderr).toBe(0);
    expect(start.stderr).toMatch(/api ready/);
    const state = readStateFile(db.stateDir) as unknown as { services: Array<{ name: string; listeners?: unknown[] }> };
    // The port is db's to verify closed at stop; api borrowed it.
    expect(state.services.find((service) => service.name === 'api')?.listeners).toBeUndefined();

    // Another start (its own BGSVC_ID) probing the same port meets a stranger: refused, holder named.
    const other = project(
      user,
      'other-start',
      `
commands:
  - name: api
    command: exec sleep 1000
    wait-on: tcp:localhost:${port}
`,
    );
    const refused = await other.cli(['start']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`api was not started: port ${port} \\(tcp:localhost:${port}\\) is already in use by pid \\d+ \\(node .*http-after\\.mjs\\).*leftover of an earlier job`));
    expect(readStateFile(other.stateDir).services).toEqual([]);

    const stop = await db.cli(['stop']);
    expect(stop.code, stop.stderr).toBe(0);
    expect(stop.stderr).not.toMatch(/still listening/);
    expect(stop.stderr).toMatch(/api stopped/);
    expect(stop.stderr).toMatch(/db stopped/);
    expect(leftovers(db.stateDir)).toEqual([]);
  });

  it('counts a daemon that lost the cookie (env -i, as redis --daemonize overwrites it) as its service\'s, by the port that service recorded', async () => {
    const port = await freePort();
    const { stateDir, cli } = project(
      user,
      'daemon-port',
      `
commands:
  - name: cache
    # The listener forks away with an empty environment: no BGSVC_ID to find it by.
    command: env -i PATH="$PATH" setsid node -e "require('net').createServer().listen(${port}, '127.0.0.1')" </dev/null >/dev/null 2>&1 &
    wait-on: tcp:localhost:${port}
  - name: api
    needs: [cache]
    command: exec sleep 1000
    wait-on: tcp:127.0.0.1:${port}
`,
    );
    const start = await cli(['start']);
    expect(start.code, start.stderr).toBe(0);
    expect(start.stderr).toMatch(/api ready/);
    const stop = await cli(['stop']);
    expect(stop.code, stop.stderr).toBe(0);
    expect(stop.stderr).not.toMatch(/still listening/);
    expect(leftovers(stateDir)).toEqual([]);
    expect(listenAddresses(port)).toEqual([]);
  });

  it('still refuses a pinned port another service of this start holds, saying which', async () => {
    const port = await freePort();
    const server = join(fixturesForOtherUsers(), 'http-after.mjs');
    const { stateDir, cli } = project(
      user,
      'pinned-twice',
      `
commands:
  - name: db
    command: exec node ${server}
    port: ${port}
    wait-on: "log: Listening on"
  - name: replica
    needs: [db]
    command: exec node ${server}
    port: ${port}
`,
    );
    const start = await cli(['start']);
    expect(start.code).toBe(1);
    expect(start.stderr).toContain(`replica was not started: port ${port} (port: ${port}) is already in use by db, a service of this start. Two services cannot bind one port`);
    expect(leftovers(stateDir)).toEqual([]);
  });
}

describe('ports served by this start, as root', () => portsOfThisStartTests(undefined));
describeWithPrerequisites(`ports served by this start, as ${PLAIN_USER}`, nonRootPrerequisites(), () => portsOfThisStartTests(PLAIN_USER));
