import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { fsPromises } from '../builtins.js';
import { StringDecoder } from 'node:string_decoder';

/** Per read: a service may write a gigabyte, and we hold at most this much plus one line. */
const CHUNK_BYTES = 64 * 1024;
/** A line longer than this is matched on its last part only. */
const MAX_LINE_CHARS = 64 * 1024;

export interface LogScanner {
  /** Reads what was appended since the last call; true once a line matches. ENOENT: not yet. */
  scan(signal: AbortSignal): Promise<boolean>;
  close(): Promise<void>;
}

// Incremental matching over a growing file: remembers the byte offset and the
// unfinished last line, so each wake-up reads only new bytes. The unfinished
// line is tested too, because "Listening on" is often printed without a newline.
export function createLogScanner(path: string, matches: (line: string) => boolean): LogScanner {
  let handle: FileHandle | undefined;
  let offset = 0;
  let partial = '';
  let decoder = new StringDecoder('utf8');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);

  const restart = () => {
    offset = 0;
    partial = '';
    decoder = new StringDecoder('utf8');
  };

  // Tests complete lines in `text` and keeps the rest as the partial line.
  const consume = (text: string): boolean => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    if (partial.length > MAX_LINE_CHARS) partial = partial.slice(-MAX_LINE_CHARS);
    return lines.some((line) => matches(line.endsWith('\r') ? line.slice(0, -1) : line));
  };

  return {
    async scan(signal) {
      // Never through a symlink: the service's log is a file bgsvc created.
      handle ??= await fsPromises().open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
      // Truncated (copytruncate, or a restart reusing the path): read it afresh.
      if ((await handle.stat()).size < offset) restart();
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, offset);
        if (bytesRead === 0) return partial.length > 0 && matches(partial);
        offset += bytesRead;
        if (consume(decoder.write(buffer.subarray(0, bytesRead)))) return true;
        if (signal.aborted) return false;
      }
    },
    async close() {
      const open = handle;
      handle = undefined;
      await open?.close();
    },
  };
}
