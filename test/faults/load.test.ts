// Load: 50 services with mixed probes start, get ready and stop with nothing
// left; a service writing 1 GB of log leaves bgsvc's own memory flat.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { startServices } from '../../src/app/start.js';
import { stopFromState } from '../../src/app/stop.js';
import { readState } from '../../src/state/index.js';
import { runCli } from '../helpers/cli.js';
import { freePort } from '../helpers/ports.js';
import { pidsWithEnv } from '../helpers/proc.js';
import { collect, depsFor, plan, RESULTS_DIR, sandbox, withDeadline } from './lib/matrix.js';
import { mkdirSync } from 'node:fs';

const HTTP_SERVER = resolve(import.meta.dirname, '../fixtures/services/http-after.mjs');

function record(name: string, figures: Record<string, number | string>): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `load-${name}.figures.json`), JSON.stringify(figures, null, 2));
}

it('starts 50 services with mixed probes, all ready, and stops them all with nothing left', async () => {
  const { dir, location } = sandbox();
  const services: string[] = [];
  for (let i = 0; i < 50; i++) {
    const delay = 100 + ((i * 37) % 400);
    const seconds = (delay / 1000).toFixed(2);
    switch (i % 5) {
      case 0: {
        const port = await freePort();
        services.push(`  - name: http-${i}\n    command: node ${HTTP_SERVER}\n    env: { PORT: ${port}, DELAY_MS: ${delay} }\n    wait-on: http://127.0.0.1:${port}/`);
        break;
      }
      case 1: {
        const port = await freePort();
        services.push(`  - name: tcp-${i}\n    command: node ${HTTP_SERVER}\n    env: { PORT: ${port}, DELAY_MS: ${delay} }\n    wait-on: tcp:127.0.0.1:${port}`);
        break;
      }
      case 2:
        services.push(`  - name: log-${i}\n    command: sleep ${seconds}; echo "service ${i} ready"; exec sleep 1000\n    wait-on: { log: "service ${i} ready" }`);
        break;
      case 3:
        services.push(`  - name: file-${i}\n    command: sleep ${seconds}; touch ready-${i}; exec sleep 1000\n    wait-on: file:ready-${i}`);
        break;
      case 4:
        services.push(`  - name: cmd-${i}\n    command: sleep ${seconds}; touch up-${i}; exec sleep 1000\n    wait-on: "cmd: test -e up-${i}"`);
        break;
    }
  }
  const config = `timeout: 60s\ncommands:\n${services.join('\n')}\n`;
  const { events, emit } = collect();
  const started = performance.now();
  const result = await withDeadline(startServices({ plan: plan(config, dir), location, deps: depsFor(emit) }), 'start of 50 services');
  const wallMs = performance.now() - started;
  expect(result.ok, JSON.stringify(events.filter((event) => event.type === 'failed'))).toBe(true);
  const readyTimes = events.flatMap((event) => (event.type === 'ready' ? [event.ms] : []));
  expect(readyTimes).toHaveLength(50);
  const slowestOwnMs = Math.max(...readyTimes);

  const read = readState(location.stateDir);
  if (read.kind !== 'ok') throw new Error('no state');
  const stopStarted = performance.now();
  const report = await withDeadline(stopFromState(location, { deps: depsFor(emit) }), 'stop of 50 services');
  const stopMs = performance.now() - stopStarted;
  expect(report.survivors).toBe(false);
  expect(pidsWithEnv('BGSVC_ID', read.state.id)).toEqual([]);
  record('50-services', {
    wallMs: Math.round(wallMs),
    slowestServiceOwnMs: Math.round(slowestOwnMs),
    overheadMs: Math.round(wallMs - slowestOwnMs),
    stopAllMs: Math.round(stopMs),
  });
}, 120_000);

it('keeps its own memory flat while a service writes 1 GB of log, and the log is complete', async () => {
  const { dir, location } = sandbox();
  const lines = 10_000_000; // 100 bytes each: 1 GB
  // The log probe has to read all of it to find READY at the very end.
  writeFileSync(
    join(dir, 'bgsvc.yml'),
    `timeout: 120s\ncommands:\n  - name: firehose\n    command: yes 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' | head -n ${lines}; echo READY; exec sleep 1000\n    wait-on: "log: ^READY$"\n`,
  );
  let cliPid = 0;
  const samples: number[] = [];
  const sampler = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${cliPid}/status`, 'utf8');
      const rss = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      if (rss) samples.push(Number(rss) / 1024);
    } catch {
      // Not started yet, or already gone.
    }
  }, 20);
  const run = await runCli(['run', '--', 'true'], {
    cwd: dir,
    env: { BGSVC_STATE_DIR: location.stateDir },
    timeoutMs: 120_000,
    onSpawn: (pid) => (cliPid = pid),
  });
  clearInterval(sampler);
  expect(run.code, run.stderr).toBe(0);
  const size = statSync(join(location.logDir, 'firehose.log')).size;
  expect(size).toBe(lines * 100 + 'READY\n'.length);
  const peak = Math.max(...samples);
  const baseline = samples.slice(0, 5).reduce((a, b) => Math.max(a, b), 0);
  record('1gb-log', { logBytes: size, samples: samples.length, baselineRssMb: Math.round(baseline), peakRssMb: Math.round(peak) });
  // Flat: reading 1 GB through the log probe must not grow bgsvc by more than a few chunks.
  expect(samples.length).toBeGreaterThan(10);
  expect(peak).toBeLessThan(150);
}, 180_000);
