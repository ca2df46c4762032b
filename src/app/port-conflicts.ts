// When a service's port is not free: taken before launch (a leftover of an
// earlier job, someone else's server), or taken between `port: auto`'s choice
// and the service's own bind (its log says "address in use").
import type { ProcessPlatform } from '../process/index.js';
import { readLogTail } from '../report/log-tail.js';

const LOG_TAIL_LINES = 20;

// What servers print when their port is taken: Node's EADDRINUSE, Python's
// "[Errno 98] Address already in use", Go's "bind: address already in use".
const ADDRESS_IN_USE = /EADDRINUSE|address already in use/i;

export function saysAddressInUse(logFile: string): boolean {
  return readLogTail(logFile, LOG_TAIL_LINES).some((line) => ADDRESS_IN_USE.test(line));
}

export function describeTakenPorts(
  name: string,
  taken: Array<{ probe: { text: string }; host: string; port: number; heldBy?: string }>,
  platform: ProcessPlatform,
): string {
  const parts = taken.map(({ probe, port, heldBy }) => {
    if (heldBy !== undefined) return `port ${port} (${probe.text}) is already in use by ${heldBy}, a service of this start`;
    const holders = platform.findListeners(port);
    const who =
      holders.length > 0
        ? ` by ${holders.map((holder) => `pid ${holder.pid} (${holder.command})`).join(', ')}`
        : '';
    return `port ${port} (${probe.text}) is already in use${who}`;
  });
  // Only a pinned port (`port: N`) held by a service of this start gets here: both mean to bind it.
  if (taken.every(({ heldBy }) => heldBy !== undefined)) {
    return `${name} was not started: ${parts.join('; ')}. Two services cannot bind one port: give one of them another port (port: auto).`;
  }
  return (
    `${name} was not started: ${parts.join('; ')}. Its probe would pass at once against the wrong process. ` +
    'Stop the old process (often a leftover of an earlier job) or use another port.'
  );
}
