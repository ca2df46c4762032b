// Lines for the runner's log written straight to fd 1. The runner reads the
// step's stdout through a pipe, and the first use of process.stdout on a pipe
// builds a net.Socket, loading net and the streams: about 7-9 ms of the post
// step (issue 16), which otherwise loads neither. A write(2) per line does the
// same job: the pipe is ours alone and every line is written whole, in order.
import { writeSync } from 'node:fs';
import { EOL } from 'node:os';
import { napSync } from '../../sleep.js';

/** A reader that stops reading for this long is gone as far as the log is concerned. */
const GIVE_UP_AFTER_MS = 10_000;

/**
 * Writes `text` and a line end to `fd`, all of it, before returning. A full
 * non-blocking pipe (EAGAIN) is waited out in 1 ms naps for up to 10 s; a
 * reader that has gone (EPIPE) ends the write quietly: no one is left to read it.
 */
export function writeLine(text: string, fd = 1): void {
  const bytes = Buffer.from(`${text}${EOL}`, 'utf8');
  let written = 0;
  let blockedSince: number | undefined;
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written);
      blockedSince = undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw error;
      blockedSince ??= Date.now();
      if (Date.now() - blockedSince > GIVE_UP_AFTER_MS) return;
      napSync(1);
    }
  }
}
