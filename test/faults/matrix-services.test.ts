// Fault matrix, part 1: services that misbehave in every way we know of.
// Each scenario runs REPS times (8 in CI) with real processes; a stranger
// process runs beside it and must survive; /proc is scanned after each stop.
import { expect, it, vi } from 'vitest';
import { startServices } from '../../src/app/start.js';
import { stopFromState } from '../../src/app/stop.js';
import { readState } from '../../src/state/index.js';
import { freePort } from '../helpers/ports.js';
import { pidsWithEnv, waitFor, waitForCommandWithEnv } from '../helpers/proc.js';
import { SCENARIOS } from './lib/service-scenarios.js';
import { accepts, collect, depsFor, plan, REPS, runScenario, sandbox, SCENARIO_TIMEOUT_MS, withDeadline, type Row } from './lib/matrix.js';

vi.setConfig({ testTimeout: SCENARIO_TIMEOUT_MS });

const rows: Row[] = [];

it.each(SCENARIOS)('a service that $name leaks nothing and kills no stranger', async (scenario) => {
  const row = await runScenario(scenario.name, async () => {
    const { dir, location } = sandbox();
    const { events, emit } = collect();
    const port = await freePort();
    const started = await withDeadline(startServices({ plan: plan(scenario.config(port), dir), location, deps: depsFor(emit) }), 'start');
    const read = readState(location.stateDir);
    const ids = read.kind === 'ok' ? [read.state.id] : [];
    if (started.ok !== scenario.ready) throw Object.assign(new Error(`start ok=${started.ok}, expected ${scenario.ready}`), { ids });
    if (scenario.minProcesses) {
      const enough = await waitFor(() => pidsWithEnv('BGSVC_ID', ids[0]!).length >= scenario.minProcesses!, 15_000);
      if (!enough) {
        // A slow machine, not a leak: still stop, so the leak count is bgsvc's alone.
        await withDeadline(stopFromState(location, { deps: depsFor(emit) }), 'stop');
        throw Object.assign(new Error(`fewer than ${scenario.minProcesses} processes appeared in 15 s`), { ids });
      }
    }
    if (scenario.settleMs) await new Promise((wait) => setTimeout(wait, scenario.settleMs));
    if (scenario.settledWhen) {
      const settled = await waitForCommandWithEnv('BGSVC_ID', ids[0]!, scenario.settledWhen, 5000);
      if (settled === undefined) throw Object.assign(new Error(`no process "${scenario.settledWhen}" appeared`), { ids });
    }
    const report = await withDeadline(stopFromState(location, { deps: depsFor(emit) }), 'stop');
    if (report.survivors) throw Object.assign(new Error('stop reported survivors'), { ids });
    if (scenario.portFreedByStop && (await accepts(port))) {
      throw Object.assign(new Error(`something still listens on port ${port} after stop`), { ids });
    }
    if (scenario.expectStop) {
      const stopped = JSON.stringify(events.filter((event) => event.type === 'stopped'));
      if (!scenario.expectStop.test(stopped)) throw Object.assign(new Error(`stop reported ${stopped}`), { ids });
    }
    return { ids };
  });
  rows.push(row);
  expect(row.failures).toEqual([]);
  expect({ reps: row.reps, leaks: row.leaks, wrongKills: row.wrongKills, hang: row.hang }).toEqual({ reps: REPS, leaks: 0, wrongKills: 0, hang: false });
});
