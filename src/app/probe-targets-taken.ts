// Before a service launches: which of its probe targets something already
// serves, and whether that something is another service of this same start.
// A port held by a leftover of an earlier job would make a probe pass at once
// against the wrong process; a port held by this start's db is what api's
// probe is meant to reach (a proxy, a health check through a dependency).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ProbeSpec } from '../config/types.js';
import { runServiceHolding, type ProcessPlatform } from '../process/index.js';
import { findTakenTargets, type ListenTarget, type TakenTarget } from '../probes/index.js';
import type { ServiceStore } from '../state/index.js';

export interface TakenByWhom extends TakenTarget {
  /** The service of this start holding it, when one does. */
  heldBy?: string;
}

export interface ProbeTargetCheck {
  /** Taken by something else (or a pinned port another service holds): the service must not start. */
  conflicts: TakenByWhom[];
  /** Served by another service of this start: fine to probe, and that service's to verify closed at stop. */
  borrowed: ListenTarget[];
}

export async function checkProbeTargets(options: {
  service: string;
  /** `port: N`'s own check: the service binds it, so nobody else may hold it, not even a service of this start. */
  pinned: ProbeSpec[];
  probes: ProbeSpec[];
  cwd: string;
  store: ServiceStore;
  platform: ProcessPlatform;
}): Promise<ProbeTargetCheck> {
  const { pinned, probes, platform } = options;
  const run = { runId: options.store.state.id, services: options.store.state.services.filter((record) => record.name !== options.service) };
  const conflicts: TakenByWhom[] = [];
  const borrowed: ListenTarget[] = [];
  for (const taken of await findTakenTargets([...pinned, ...probes])) {
    // The socket tables are read only for a port that is taken, which is rare.
    const heldBy = run.services.length > 0 ? runServiceHolding({ kind: 'tcp', host: taken.host, port: taken.port }, run, platform) : undefined;
    if (heldBy !== undefined && !pinned.includes(taken.probe)) borrowed.push({ kind: 'tcp', host: taken.host, port: taken.port });
    else conflicts.push({ ...taken, ...(heldBy === undefined ? {} : { heldBy }) });
  }
  // Sockets are not refused when taken (a stale socket file is common and
  // harmless), but one another service of this start serves is borrowed too.
  for (const probe of probes) {
    if (probe.kind !== 'socket' || run.services.length === 0) continue;
    const path = resolve(options.cwd, probe.path);
    if (existsSync(path) && runServiceHolding({ kind: 'socket', path }, run, platform) !== undefined) borrowed.push({ kind: 'socket', path });
  }
  return { conflicts, borrowed };
}

/** Whether a target at ready is one another service of this start served before launch. */
export function isBorrowed(target: ListenTarget, borrowed: readonly ListenTarget[]): boolean {
  return borrowed.some((other) =>
    target.kind === 'tcp' ? other.kind === 'tcp' && other.port === target.port : other.kind === 'socket' && other.path === target.path,
  );
}
