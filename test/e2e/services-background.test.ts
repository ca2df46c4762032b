// examples/background-directives: HyperExecute's backgroundDirectives block
// pasted verbatim, and the flat `background:` list, each with a static server
// and a database, each service with its own log file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeWithPrerequisites, missingPrerequisites } from '../helpers/binaries.js';
import { bgsvc, copyExample, killRun, recordedId, runCommand } from '../helpers/examples.js';
import { freePort } from '../helpers/ports.js';
import { listenAddresses, pidsWithEnv } from '../helpers/proc.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) killRun(dir);
});

async function example() {
  const [web, db] = [await freePort(), await freePort()];
  const dir = copyExample('background-directives', { 9080: web, 6379: db });
  dirs.push(dir);
  return { dir, web, db };
}

// What a job does after `bgsvc start`: wait (these formats have no probes), then use both.
async function useServices(dir: string, web: number, db: number) {
  const wait = await bgsvc(['wait-on', `http://localhost:${web}/`, `tcp:${db}`, '--timeout', '20s'], { cwd: dir });
  expect(wait.code).toBe(0);
  const page = await fetch(`http://127.0.0.1:${web}/`);
  expect(await page.text()).toMatch(/Hello from the static server/);
  expect((await fetch(`http://127.0.0.1:${web}/missing.css`)).status).toBe(404);
  expect((await runCommand(['redis-cli', '-p', String(db), 'ping'], { cwd: dir })).stdout.trim()).toBe('PONG');
  // The examples' servers listen on loopback only.
  expect(listenAddresses(web)).toEqual(['127.0.0.1']);
  expect(listenAddresses(db)).toEqual(['127.0.0.1']);
}

describeWithPrerequisites(
  'HyperExecute backgroundDirectives and the flat background list (examples/background-directives)',
  missingPrerequisites(['redis-server', 'redis-cli']),
  () => {
    it('runs a backgroundDirectives block as it is, one log per command', async () => {
      const { dir, web, db } = await example();
      const start = await bgsvc(['start'], { cwd: dir });
      expect(start.stderr).toMatch(/config bgsvc\.yml: static, db/);
      expect(start.code).toBe(0);

      await useServices(dir, web, db);
      const stop = await bgsvc(['stop'], { cwd: dir });
      expect(stop.stderr).toMatch(/static stopped \(SIGTERM/);
      expect(stop.stderr).toMatch(/db stopped \(SIGTERM/);
      expect(stop.code).toBe(0);
      expect(pidsWithEnv('BGSVC_ID', recordedId(dir))).toEqual([]);

      const logs = join(dir, '.bgsvc/logs');
      expect(readFileSync(join(logs, 'static.log'), 'utf8')).toMatch(/GET \/ 200\nGET \/missing\.css 404/);
      expect(readFileSync(join(logs, 'db.log'), 'utf8')).toMatch(/Ready to accept connections/);
      expect(readFileSync(join(logs, 'db.log'), 'utf8')).not.toMatch(/GET \//);
    });

    it('names the services of a flat background list after their commands and prints the names', async () => {
      const { dir, web, db } = await example();
      const start = await bgsvc(['start', '-c', 'background.yml'], { cwd: dir });
      expect(start.stderr).toMatch(/config background\.yml: static-server, redis-server/);
      expect(start.code).toBe(0);

      await useServices(dir, web, db);
      const stop = await bgsvc(['stop'], { cwd: dir });
      expect(stop.code).toBe(0);
      expect(pidsWithEnv('BGSVC_ID', recordedId(dir))).toEqual([]);
      const logs = join(dir, '.bgsvc/logs');
      expect(readFileSync(join(logs, 'static-server.log'), 'utf8')).toMatch(/GET \/ 200/);
      expect(readFileSync(join(logs, 'redis-server.log'), 'utf8')).toMatch(/Ready to accept connections/);
    });
  },
);
