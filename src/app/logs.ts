import { closeSync, openSync, readSync, watch, type FSWatcher } from 'node:fs';
import { isServiceAlive, LOG_READ_FLAGS, type ProcessPlatform } from '../process/index.js';
import { assertSafeLocation, readState, type ServiceRecord, type StateFile, type StateLocation } from '../state/index.js';
import { logSize, readLogTail } from '../report/log-tail.js';
import { UsageError } from './errors.js';
import { processesOf } from './service-ref.js';

export interface LogsOptions {
  location: StateLocation;
  name?: string;
  lines: number;
  follow: boolean;
  write: (text: string) => void;
  signal?: AbortSignal;
  platform: ProcessPlatform;
}

// logs: print a service's log (all services, each under a header, when no name
// is given). -f follows until the service ends or the user interrupts.
export async function showLogs(options: LogsOptions): Promise<void> {
  assertSafeLocation(options.location, { create: false });
  const read = readState(options.location.stateDir);
  if (read.kind === 'missing') throw new UsageError(`no services were started here: no state file at ${read.path}`);
  if (read.kind === 'invalid') throw new UsageError(`cannot read ${read.path}: ${read.problem}`);
  const records = pickRecords(read.state, options.name);
  const prefix = (record: ServiceRecord) => (records.length > 1 && options.follow ? `${record.name} | ` : '');
  for (const record of records) {
    if (records.length > 1 && !options.follow) options.write(`==> ${record.name} (${record.logFile}) <==\n`);
    for (const line of readLogTail(record.logFile, options.lines)) options.write(`${prefix(record)}${line}\n`);
  }
  if (!options.follow) return;
  const { platform } = options;
  await Promise.all(
    records.map((record) => followLog(record, read.state, platform, (line) => options.write(`${prefix(record)}${line}\n`), options.signal)),
  );
}

function pickRecords(state: StateFile, name: string | undefined): ServiceRecord[] {
  if (name === undefined) return state.services;
  const record = state.services.find((service) => service.name === name);
  if (!record) {
    const known = state.services.map((service) => service.name).join(', ') || 'none';
    throw new UsageError(`no service named "${name}" (services: ${known})`);
  }
  return [record];
}

const FOLLOW_CHECK_MS = 500;

function followLog(
  record: ServiceRecord,
  state: StateFile,
  platform: ProcessPlatform,
  writeLine: (line: string) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  let offset = logSize(record.logFile);
  let partial = '';
  const drain = () => {
    const size = logSize(record.logFile);
    if (size < offset) offset = 0;
    if (size === offset) return;
    const fd = openSync(record.logFile, LOG_READ_FLAGS);
    try {
      const buffer = Buffer.alloc(Math.min(size - offset, 1 << 20));
      const read = readSync(fd, buffer, 0, buffer.length, offset);
      offset += read;
      const lines = (partial + buffer.subarray(0, read).toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(writeLine);
    } finally {
      closeSync(fd);
    }
  };
  return new Promise((resolve) => {
    let watcher: FSWatcher | undefined;
    try {
      watcher = watch(record.logFile, () => drain());
    } catch {
      // No log yet: the periodic check still drains it.
    }
    // Ends by itself once nothing of the service is left: `-f` never hangs a job.
    const check = setInterval(() => {
      drain();
      if (!isServiceAlive(processesOf(record, state.id), platform)) finish();
    }, FOLLOW_CHECK_MS);
    const finish = () => {
      watcher?.close();
      clearInterval(check);
      signal?.removeEventListener('abort', finish);
      drain();
      if (partial) writeLine(partial);
      resolve();
    };
    signal?.addEventListener('abort', finish, { once: true });
  });
}
