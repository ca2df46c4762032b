import type { ServiceProcesses } from '../process/index.js';
import type { ServiceRecord } from '../state/index.js';

/** A recorded service as process/ knows services: its wrapper, its cookie, its adopted port holders. */
export function processesOf(record: ServiceRecord, stateId: string): ServiceProcesses {
  const ref: ServiceProcesses = { pid: record.pid, startTime: record.startTime, cookie: { BGSVC_ID: stateId, BGSVC_SERVICE: record.name } };
  if (record.adopted) ref.adopted = record.adopted;
  return ref;
}
