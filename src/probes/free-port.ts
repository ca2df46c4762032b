// `port: auto`: a port that is free on 127.0.0.1 and on ::1 right now. The
// kernel picks it (bind to port 0, which it spreads over its ephemeral range),
// so two jobs on one machine choosing at the same moment rarely get the same
// one; bgsvc binds nothing for the service, and the gap between choosing and
// the service binding is covered by one relaunch on "address in use" (see
// app/launch-and-wait.ts).
import type { Server } from 'node:net';
import { net } from '../builtins.js';

const ATTEMPTS = 20;

/** Ports this process handed out, so two services of one start never share one. */
const handedOut = new Set<number>();

export async function chooseFreePort(): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const v4 = await listen(0, '127.0.0.1');
    if (typeof v4 === 'string') throw new Error(`cannot bind 127.0.0.1 to find a free port: ${v4}`);
    const port = (v4.address() as { port: number }).port;
    const v6 = await listen(port, '::1');
    await close(v4);
    if (typeof v6 !== 'string') await close(v6);
    // No IPv6 loopback here: nothing can hold the port there either.
    const freeOnV6 = typeof v6 !== 'string' || v6 === 'EADDRNOTAVAIL' || v6 === 'EAFNOSUPPORT';
    if (freeOnV6 && !handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`found no port free on both 127.0.0.1 and ::1 in ${ATTEMPTS} tries`);
}

function listen(port: number, host: string): Promise<Server | string> {
  return new Promise((resolve) => {
    const server = net().createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    // exclusive: a cluster worker must not share the handle; ipv6Only: ::1 is its own address.
    server.listen({ port, host, exclusive: true, ipv6Only: host === '::1' }, () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
