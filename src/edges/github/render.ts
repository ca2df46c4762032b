// Events → the step's log. Plain lines reuse the terminal edge's wording and
// time offsets; what deserves attention becomes an annotation, and log tails go
// into collapsed groups so the log stays readable.
import { leftRunning, type BgsvcEvent, type Emit } from '../../app/events.js';
import { createTerminalEmitter, describeNote, describeStop } from '../terminal.js';
import type { ActionsIo, AnnotationProps } from './io.js';
import { printLogGroup } from './raw-lines.js';

export interface GithubEmitterOptions {
  /** Where a service is defined, so its failure is annotated on that line of the config file. */
  placeOf?: (service: string) => Pick<AnnotationProps, 'file' | 'startLine' | 'startColumn'> | undefined;
  color: boolean;
  /** Milliseconds since the step began, for the `+0.84s` offsets. */
  elapsed: () => number;
}

export function createGithubEmitter(io: ActionsIo, options: GithubEmitterOptions): Emit {
  let pending = '';
  const write = (text: string) => {
    const lines = (pending + text).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) io.info(line);
  };
  const terminal = createTerminalEmitter({ write, color: options.color, logs: 'never', elapsed: options.elapsed });

  return (event: BgsvcEvent) => {
    switch (event.type) {
      case 'failed': {
        terminal({ ...event, logTail: [], logFile: undefined });
        const where = event.logFile ? ` (log: ${event.logFile})` : '';
        io.error(`${event.message}${where}`, { title: `bgsvc: ${event.service} did not start`, ...options.placeOf?.(event.service) });
        if (event.logFile && event.logTail.length > 0) {
          printLogGroup(io, `${event.service}: last ${event.logTail.length} lines of its log`, event.logTail, `full log: ${event.logFile}`);
        } else if (event.logFile) {
          io.info(`    (log is empty: ${event.logFile})`);
        }
        return;
      }

      case 'leaked': {
        const list = event.processes.map((process) => `pid ${process.pid} (${process.command})`).join(', ');
        if (event.killed) io.warning(`killed ${event.processes.length} leftover process(es) that escaped their service's tree: ${list}`, { title: 'bgsvc' });
        else io.error(`could not kill ${event.processes.length} process(es) of this run: ${list}`, { title: 'bgsvc: processes left running' });
        return;
      }
      case 'stopped':
        terminal(event);
        if (leftRunning(event.outcome)) {
          io.error(`${event.service} ${describeStop(event.outcome)}`, { title: `bgsvc: ${event.service} could not be stopped` });
        }
        return;
      case 'config':
      case 'started':
      case 'probe-passed':
      case 'waiting':
      case 'ready':
      case 'stopping':
      case 'stop-command':
        terminal(event);
        return;
      default: {
        // A remark: a warning deserves an annotation, the rest a line.
        const said = describeNote(event);
        if (said.level === 'warning') io.warning(said.message, { title: 'bgsvc' });
        else terminal(event);
      }
    }
  };
}
