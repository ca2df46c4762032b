import type { ProcessPlatform } from '../process/index.js';
import type { ServiceRecord } from '../state/index.js';
import { verifiedAdopted } from './adopt.js';

// Whether anything of a recorded service still runs: its wrapper, a process
// carrying its cookie (a daemon), or a recorded port holder that lost it.
export function isServiceAlive(record: ServiceRecord, stateId: string, platform: ProcessPlatform): boolean {
  return (
    platform.isAlive(record.pid, record.startTime) ||
    platform.findByEnv({ BGSVC_ID: stateId, BGSVC_SERVICE: record.name }).length > 0 ||
    verifiedAdopted(record, platform).length > 0
  );
}
