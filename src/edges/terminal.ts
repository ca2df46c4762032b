import { formatDuration } from '../config/duration.js';
import type { BgsvcEvent, StopOutcome } from '../app/events.js';
import { describeCost } from '../report/cost-words.js';

import { describeNote, type EdgeNote, type NoteLevel } from './notes.js';

export { describeLogDirProblem, describeNote, type EdgeNote, type NoteLevel } from './notes.js';

/** What an edge's emitter takes: the core's events, and the edge's own notes. */
export type EdgeEmit = (event: BgsvcEvent | EdgeNote) => void;

export type LogsPolicy = 'failure' | 'always' | 'never';

export interface TerminalOptions {
  write: (text: string) => void;
  color: boolean;
  /** When stop prints a service's log tail. */
  logs: LogsPolicy;
  /** Milliseconds since the command began, for the `+0.84s` offsets. */
  elapsed: () => number;
}

const paint = (code: string) => (on: boolean, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
const green = paint('32');
const red = paint('31');
const yellow = paint('33');
const dim = paint('2');

// The plain-terminal edge: one line per event, with a time offset, so a CI
// log reads as a timeline (`+0.84s api ready (http://127.0.0.1:3000/health)`).
export function createTerminalEmitter(options: TerminalOptions): EdgeEmit {
  const { color } = options;
  const line = (text: string) => {
    const offset = `+${(options.elapsed() / 1000).toFixed(2)}s`;
    options.write(`${dim(color, offset)} ${text}\n`);
  };
  const tail = (lines: string[] | undefined, logFile: string | undefined) => {
    if (!lines || lines.length === 0) {
      if (logFile) options.write(dim(color, `    (log is empty: ${logFile})\n`));
      return;
    }
    options.write(dim(color, `    ┌ last ${lines.length} lines of ${logFile}\n`));
    for (const text of lines) options.write(`    │ ${text}\n`);
    options.write(dim(color, '    └\n'));
  };

  const note = (level: NoteLevel, message: string) => {
    const painted = level === 'error' ? red : level === 'warning' ? yellow : (_: boolean, text: string) => text;
    line(painted(color, level === 'info' ? message : `${level}: ${message}`));
  };

  return (event: BgsvcEvent | EdgeNote) => {
    switch (event.type) {
      case 'config':
        line(`config ${event.source}: ${event.services.join(', ') || '(no services)'}`);
        return;
      case 'started':
        line(`${event.service} started (pid ${event.pid}${event.port === undefined ? '' : `, port ${event.port}`}), log ${event.logFile}`);
        return;
      case 'probe-passed':
        line(`${event.service} probe passed: ${event.probe} (${formatDuration(event.ms)})`);
        return;
      case 'waiting': {
        const pending = event.pending.map((item) => item.probe).join(', ');
        line(`${event.service} still waiting (${formatDuration(event.ms)} of ${formatDuration(event.timeoutMs)})${pending ? `: ${pending}` : ''}`);
        return;
      }
      case 'ready': {
        if (event.task) {
          line(`${green(color, `${event.service} done`)} in ${formatDuration(event.ms)} (a task: it exited 0)`);
          return;
        }
        const probes =
          event.probes.length > 0
            ? ` (${event.probes.join(', ')})`
            : event.settledMs !== undefined
              ? ` (no probes; it outlived its ${formatDuration(event.settledMs)} settle time)`
              : ' (no probes)';
        line(`${green(color, `${event.service} ready`)} in ${formatDuration(event.ms)}${probes}`);
        return;
      }
      case 'failed':
        line(red(color, `${event.service} failed: ${event.message}`));
        tail(event.logTail, event.logFile);
        return;
      case 'stopping':
        return;
      case 'stop-command': {
        const how = event.timedOut ? 'timed out' : `exited ${event.code}`;
        line(`${event.service} stop command ${how} after ${formatDuration(event.ms)}: ${event.command}`);
        return;
      }
      case 'stopped': {
        const bad = isBadOutcome(event.outcome);
        const said = event.task && event.outcome.kind === 'exited' && !bad ? `${event.service} (a task) had finished: ${describeStop(event.outcome).replace(/^had exited/, 'exited')}` : `${event.service} ${describeStop(event.outcome)}`;
        const text = event.cost ? `${said}; ${describeCost(event.cost)}` : said;
        line(bad ? red(color, text) : text);
        if (options.logs === 'always' || (options.logs === 'failure' && bad)) tail(event.logTail, event.logFile);
        return;
      }
      case 'leaked': {
        const list = event.processes.map((process) => `pid ${process.pid} (${process.command})`).join(', ');
        const text = `${event.killed ? 'killed' : 'could not kill'} ${event.processes.length} leftover process(es) of this run: ${list}`;
        line(event.killed ? yellow(color, text) : red(color, text));
        return;
      }
      case 'service-died': {
        // Said the moment it happens, with its log: the command's own output may be about to bury it.
        const said = describeNote(event);
        note(said.level, said.message);
        tail(event.logTail, event.logFile);
        return;
      }
      case 'note':
        note(event.level, event.message);
        return;
      default: {
        const said = describeNote(event);
        note(said.level, said.message);
      }
    }
  };
}

export function isBadOutcome(outcome: StopOutcome): boolean {
  switch (outcome.kind) {
    case 'survivors':
    case 'still-listening':
    case 'stop-command-failed':
      return true;
    case 'exited':
      return outcome.code !== 0 || outcome.signal !== null || outcome.daemonized;
    default:
      return false;
  }
}

export function describeStop(outcome: StopOutcome): string {
  switch (outcome.kind) {
    case 'stopped':
      return `stopped (${outcome.signal}, ${formatDuration(outcome.ms)})`;
    case 'killed':
      return `killed with SIGKILL after ${formatDuration(outcome.afterMs)} (it ignored the stop signal for its whole ${formatDuration(outcome.graceMs)} grace period)`;
    case 'exited': {
      if (outcome.daemonized) {
        return `was no longer running: its command daemonized (exited 0, ${formatDuration(Math.max(0, outcome.afterStartMs))} after start) and the daemon died during the job`;
      }
      const how = outcome.signal ? `was killed by ${outcome.signal}` : `had exited with code ${outcome.code}`;
      return `${how}, ${formatDuration(Math.max(0, outcome.afterStartMs))} after start`;
    }
    case 'not-running':
      return outcome.interruptedStopAt === undefined ? 'was not running' : 'was not running (an earlier stop, cut short, had stopped it)';
    case 'survivors': {
      const list = outcome.processes.map((process) => `pid ${process.pid} (${process.command})`).join(', ');
      const hint = outcome.processes.some((process) => process.denied)
        ? '; bgsvc may not signal it (started with sudo, or another user\'s): give the service a "stop:" command that stops it'
        : '';
      return `could NOT be stopped: ${list} still running${hint}`;
    }
    case 'still-listening':
      return `could NOT be verified stopped: ${outcome.targets.map(describeOpenTarget).join('; ')}`;
    case 'stop-command-failed': {
      const how = outcome.timedOut ? 'timed out' : `exited ${outcome.code}`;
      return `may still be running: its stop command ${how}, and bgsvc sees none of its processes to stop itself`;
    }
  }
}

function describeOpenTarget({ target, holders }: { target: string; holders: Array<{ pid: number; command: string }> }): string {
  if (holders.length > 0) return `${target} still listening, held by ${holders.map((holder) => `pid ${holder.pid} (${holder.command})`).join(', ')}`;
  return (
    `${target} still listening; its holder is not visible to bgsvc (started with sudo, another user's, or non-dumpable); ` +
    'give the service a "stop:" command that stops it'
  );
}

// Colour only where it renders: a TTY, or a CI known to show ANSI colours.
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  if (env.GITHUB_ACTIONS === 'true' || env.GITLAB_CI === 'true') return true;
  return stream.isTTY === true;
}
