import type { ProbeSpec } from '../config/types.js';
import { runCmdProbe } from './cmd.js';
import type { ProbeContext } from './context.js';
import { runDelayProbe } from './delay.js';
import { runFileProbe } from './file.js';
import { runHttpProbe } from './http.js';
import { runLogProbe } from './log.js';
import { runSocketProbe } from './socket.js';
import { runTcpProbe } from './tcp.js';

// The one place that knows every probe kind; the compiler checks it is exhaustive.
export function runProbe(probe: ProbeSpec, context: ProbeContext): Promise<void> {
  switch (probe.kind) {
    case 'http':
      return runHttpProbe(probe, context);
    case 'tcp':
      return runTcpProbe(probe, context);
    case 'socket':
      return runSocketProbe(probe, context);
    case 'file':
      return runFileProbe(probe, context);
    case 'log':
      return runLogProbe(probe, context);
    case 'cmd':
      return runCmdProbe(probe, context);
    case 'delay':
      return runDelayProbe(probe, context);
  }
}
