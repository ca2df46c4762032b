import { sweepByCookie, verifiedAdopted } from '../process/index.js';
import { readState, ServiceStore, type StateLocation } from '../state/index.js';
import type { Deps } from './deps.js';
import { stopRecordedServices } from './stop.js';

// Orphan prevention on self-hosted runners: a start whose state dir still names
// live services (a crashed or never-stopped earlier run) stops them first.
export async function stopLeftovers(options: { location: StateLocation; deps: Deps }): Promise<void> {
  const { location, deps } = options;
  const { emit, platform } = deps;
  const read = readState(location.stateDir);
  if (read.kind === 'missing') return;
  if (read.kind === 'invalid') {
    emit({ type: 'state-unusable', path: read.path, problem: read.problem, recovery: 'replace', ...(read.id ? { id: read.id } : {}) });
    if (read.id) await sweepByCookie({ cookie: { BGSVC_ID: read.id }, signal: 'SIGTERM', graceMs: 2000, platform });
    return;
  }
  const { state } = read;
  if (state.stoppedAt !== undefined) return;
  const unstopped = state.services.filter((service) => service.stoppedAt === undefined);
  // One scan for the run's cookie covers every wrapper and daemon; only port
  // holders that lost the cookie need their own check.
  const alive =
    platform.findByEnv({ BGSVC_ID: state.id }).length > 0 ||
    unstopped.some((service) => verifiedAdopted(service, platform).length > 0);
  if (!alive || unstopped.length === 0) return;
  emit({ type: 'earlier-run-left', startedAt: state.createdAt, services: unstopped.map((service) => service.name), stateDir: location.stateDir });
  await stopRecordedServices(ServiceStore.of(state), { deps });
}
