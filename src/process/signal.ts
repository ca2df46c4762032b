// Signalling by error code, never by message text: ESRCH means "already gone".

export type SignalOutcome = 'sent' | 'gone' | 'denied';

// Sends `signal` to a pid, or to a whole process group when `pid` is negative.
export function sendSignal(pid: number, signal: NodeJS.Signals | 0): SignalOutcome {
  try {
    process.kill(pid, signal);
    return 'sent';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return 'gone';
    if (code === 'EPERM') return 'denied';
    throw error;
  }
}

// kill(pid, 0): the cheapest existence test. EPERM means it exists but is someone else's.
export function processExists(pid: number): boolean {
  return sendSignal(pid, 0) !== 'gone';
}
