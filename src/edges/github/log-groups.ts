// Post's log output: each chosen service's log in its own collapsed group,
// titled with its line count, cut to the last lines, with the full file's path.
import { closeSync, openSync, readSync } from 'node:fs';
import { LOG_READ_FLAGS } from '../../process/index.js';
import { logSize, readLogTail } from '../../report/log-tail.js';
import type { ActionsIo } from './io.js';
import { printLogGroup } from './raw-lines.js';

export interface LogToPrint {
  name: string;
  logFile: string;
  /** Bytes already shown by main's tail (`log-output-resume`); 0 for the whole log. */
  fromOffset: number;
}

export function printServiceLog(io: ActionsIo, log: LogToPrint, maxLines: number): void {
  const size = logSize(log.logFile);
  const from = log.fromOffset <= size ? log.fromOffset : 0;
  if (size === 0) {
    io.info(`${log.name}: its log is empty (${log.logFile})`);
    return;
  }
  if (from >= size) {
    io.info(`${log.name}: nothing new in its log since main's tail (${log.logFile})`);
    return;
  }
  const total = countLines(log.logFile, from);
  const lines = readLogTail(log.logFile, Math.min(total, maxLines));
  const resumed = from > 0 ? ' new' : '';
  const title = `${log.name} (${total}${resumed} ${total === 1 ? 'line' : 'lines'})`;
  const note =
    lines.length < total
      ? `last ${lines.length} of ${total} lines; full log: ${log.logFile}`
      : `${from > 0 ? 'after what main tailed; ' : ''}log: ${log.logFile}`;
  printLogGroup(io, title, lines, note);
}

const CHUNK = 1 << 20;

// Counted in chunks, so a large log costs no memory.
export function countLines(file: string, from = 0): number {
  let fd: number;
  try {
    fd = openSync(file, LOG_READ_FLAGS);
  } catch {
    return 0;
  }
  try {
    const buffer = Buffer.alloc(CHUNK);
    let position = from;
    let count = 0;
    let last = 0x0a;
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, position);
      if (read === 0) break;
      for (let i = 0; i < read; i++) if (buffer[i] === 0x0a) count++;
      last = buffer[read - 1]!;
      position += read;
    }
    return last === 0x0a ? count : count + 1;
  } finally {
    closeSync(fd);
  }
}
