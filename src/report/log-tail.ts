import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';

const CHUNK = 64 * 1024;

// The last lines of a log, read from the end so a 1 GB log costs one small read.
export function readLogTail(file: string, lines = 20): string[] {
  let fd: number;
  try {
    // Never through a symlink: a service log is a file bgsvc created.
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return [];
  }
  try {
    const size = fstatSync(fd).size;
    let position = size;
    let text = '';
    // Grow backwards until enough newlines are seen (bounded at 1 MiB).
    while (position > 0 && countNewlines(text) <= lines && size - position < 16 * CHUNK) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, position);
      text = buffer.toString('utf8') + text;
    }
    const all = text.split('\n');
    if (all.at(-1) === '') all.pop();
    if (position > 0) all.shift(); // a partial first line
    return all.slice(-lines).map((line) => line.replace(/\r$/, ''));
  } finally {
    closeSync(fd);
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** A log's size in bytes; 0 when it does not exist (yet). */
export function logSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
