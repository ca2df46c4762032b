// `tail: true`: while main waits, new lines of each service's log are printed
// as `name | line`. The prefix also keeps a service's `::command::` lines from
// being obeyed, since the runner only reads commands at the start of a line.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { LOG_READ_FLAGS } from '../../process/index.js';

export interface LogTailer {
  /** Starts printing the log from `fromOffset` (0: each start writes a fresh log). */
  follow(service: string, logFile: string, fromOffset: number): void;
  /** Prints what the logs gained since the last look (before each event line, to keep the order). */
  drain(): void;
  /** Prints what is left and stops; returns, per service, how far its log was printed (bytes). */
  stop(): Record<string, number>;
}

interface Followed {
  service: string;
  file: string;
  offset: number;
  partial: string;
}

const POLL_MS = 200;
const MAX_READ = 1 << 20;

export function createLogTailer(writeLine: (line: string) => void): LogTailer {
  const followed = new Map<string, Followed>();
  const drain = (entry: Followed) => {
    const size = sizeOf(entry.file);
    if (size < entry.offset) entry.offset = 0;
    while (entry.offset < size) {
      const chunk = readAt(entry.file, entry.offset, Math.min(size - entry.offset, MAX_READ));
      if (chunk.length === 0) break;
      entry.offset += chunk.length;
      const lines = (entry.partial + chunk.toString('utf8')).split('\n');
      entry.partial = lines.pop() ?? '';
      for (const line of lines) writeLine(`${entry.service} | ${line.replace(/\r$/, '')}`);
    }
  };
  const timer = setInterval(() => followed.forEach(drain), POLL_MS);
  // Tailing must never be what keeps main alive.
  timer.unref();
  return {
    follow(service, logFile, fromOffset) {
      followed.set(service, { service, file: logFile, offset: fromOffset, partial: '' });
    },
    drain() {
      followed.forEach(drain);
    },
    stop() {
      clearInterval(timer);
      const offsets: Record<string, number> = {};
      for (const entry of followed.values()) {
        drain(entry);
        if (entry.partial !== '') writeLine(`${entry.service} | ${entry.partial}`);
        offsets[entry.service] = entry.offset;
      }
      return offsets;
    },
  };
}

export function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function readAt(file: string, position: number, length: number): Buffer {
  const fd = openSync(file, LOG_READ_FLAGS);
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
