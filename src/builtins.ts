// Node built-ins that only some commands need, loaded on first use. Importing
// them up front made every `npx bgsvc …` load child_process, net, http, https
// and crypto (about 8 ms, a third of Node's own start-up), including the
// commands that use none of them: --version, status, logs, and most stops.
// (crypto is now only random.ts's fallback where /dev/urandom is missing;
// fs/promises serves the log probe.)
import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';
import type * as FsPromises from 'node:fs/promises';
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type * as Net from 'node:net';

export const childProcess = lazyBuiltin<typeof ChildProcess>('node:child_process');
export const crypto = lazyBuiltin<typeof Crypto>('node:crypto');
export const fsPromises = lazyBuiltin<typeof FsPromises>('node:fs/promises');
export const http = lazyBuiltin<typeof Http>('node:http');
export const https = lazyBuiltin<typeof Https>('node:https');
export const net = lazyBuiltin<typeof Net>('node:net');

function lazyBuiltin<T>(id: string): () => T {
  let loaded: T | undefined;
  // process.getBuiltinModule is Node ≥ 20.16; before that, the CommonJS
  // require of the CLI bundle (or the one the ESM bundles' banner creates).
  return () => (loaded ??= (process.getBuiltinModule?.(id) ?? require(id)) as T);
}
