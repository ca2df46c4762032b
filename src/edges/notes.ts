// The remarks among the core's events (not a step of a service's story): their
// one line of words and how loud each is, shared by every edge.
import { formatDuration } from '../config/duration.js';
import type { BgsvcEvent, LogDirProblem } from '../app/events.js';

/** A line an edge says of its own (not an event of the core): `ready in 3ms: tcp:5432`. */
export interface EdgeNote {
  type: 'note';
  level: 'info' | 'warning' | 'error';
  message: string;
}

export type NoteLevel = EdgeNote['level'];

export type NoteEvent = Exclude<
  BgsvcEvent,
  { type: 'config' | 'started' | 'probe-passed' | 'waiting' | 'ready' | 'failed' | 'stopping' | 'stop-command' | 'stopped' | 'leaked' }
>;

/** The one line, and how loud, for each event that is a remark rather than a step of a service's story. */
export function describeNote(event: NoteEvent): { level: NoteLevel; message: string } {
  switch (event.type) {
    case 'command-not-run':
      return { level: 'error', message: `cannot run ${event.command}: ${event.problem}` };
    case 'command-exited':
      return { level: 'info', message: `command exited with code ${event.code}; stopping services` };
    case 'service-died':
      return { level: event.code === 0 && event.signal === null ? 'warning' : 'error', message: describeDeath(event) };
    case 'command-stopping':
      return {
        level: 'info',
        message: `--fail-fast: stopping the command because ${event.because} died: ${event.signal} to its process tree, SIGKILL after ${formatDuration(event.graceMs)}`,
      };
    case 'command-stopped': {
      if (event.survivors.length > 0) {
        const list = event.survivors.map((holder) => `pid ${holder.pid} (${holder.command})`).join(', ');
        return { level: 'error', message: `the command could NOT be stopped: ${list} still running; stopping services` };
      }
      const how = event.killed ? `killed with SIGKILL (it outlived its grace), ${formatDuration(event.ms)}` : `stopped in ${formatDuration(event.ms)}`;
      return { level: 'info', message: `command ${how}, exit code ${event.code}; stopping services; bgsvc exits 1` };
    }
    case 'start-abandoned':
      return event.cancelled && event.failed.length === 0
        ? { level: 'warning', message: 'cancelled: stopping the services started so far' }
        : { level: 'error', message: `start failed (${event.failed.join(', ')}): stopping the services started so far` };
    case 'log-dir-unusable':
      return { level: 'error', message: describeLogDirProblem(event.path, event.problem) };
    case 'daemonized': {
      const what = event.left > 0 ? `left ${event.left} process(es) running (daemonized)` : 'left no process running';
      return { level: 'info', message: `${event.service}: its command exited 0 and ${what}${event.waitingForProbes ? '; waiting for its probes' : ''}` };
    }
    case 'adopted': {
      const list = event.holders.map((holder) => `pid ${holder.pid} (${holder.command})`).join(', ');
      return {
        level: 'info',
        message: `${event.service}: ${list} holds its probed port or socket without carrying BGSVC_ID (it rewrote its environment); recorded so stop still finds it`,
      };
    }
    case 'earlier-run-left': {
      const started = new Date(event.startedAt).toISOString();
      return { level: 'warning', message: `an earlier run (started ${started}) left ${event.services.join(', ')} running in ${event.stateDir}; stopping them first` };
    }
    case 'state-unusable':
      if (event.recovery === 'replace') return { level: 'warning', message: `replacing ${event.path}: ${event.problem}` };
      return {
        level: 'warning',
        message: `cannot use ${event.path}: ${event.problem}; ${
          event.recovery === 'sweep'
            ? `stopping every process that carries its BGSVC_ID=${event.id}`
            : 'no BGSVC_ID could be recovered from it, so no process can be proven ours; nothing was signalled'
        }`,
      };
    case 'waiting-for-lock':
      return { level: 'info', message: `waiting for bgsvc pid ${event.pid}, which is starting or stopping the services of this state dir` };
    case 'nothing-to-stop':
      return {
        level: 'info',
        message: event.reason === 'no-state-file' ? `nothing to stop: no state file at ${event.path}` : `nothing to stop: every service in ${event.path} is already stopped`,
      };
    case 'port-retry':
      return {
        level: 'warning',
        message: `${event.service}: port ${event.port} was taken by another process before it could bind it; starting it again on another free port (its first log is ${event.service}.prev.log)`,
      };
    case 'pid-not-ours': {
      const why = event.why === 'reused' ? 'its start time differs, so the pid was reused' : "it does not carry this run's BGSVC_ID";
      const instead = event.stoppingOthers ? "; stopping the processes that carry this service's BGSVC_ID instead" : '';
      return { level: 'warning', message: `${event.service}: pid ${event.pid} in the state file is not ours (${why}); that pid is not signalled${instead}` };
    }
  }
}

// `api exited with code 3 while the command ran (1.2s into it, 4.0s after api started): it no longer serves`
function describeDeath(event: Extract<BgsvcEvent, { type: 'service-died' }>): string {
  const how = event.signal ? `was killed by ${event.signal}` : `exited with code ${event.code}`;
  const when = `${formatDuration(event.intoCommandMs)} into it, ${formatDuration(event.afterStartMs)} after ${event.service} started`;
  const next = event.failFast ? '' : '; the command goes on (--fail-fast would stop it)';
  return `${event.service} ${how} while the command ran (${when}): it no longer serves${next}`;
}

export function describeLogDirProblem(path: string, problem: LogDirProblem): string {
  switch (problem.kind) {
    case 'cannot-create':
      return `cannot create ${path}: ${problem.message}`;
    case 'not-writable':
      return `the log dir ${path} is not writable (${problem.code}); choose another with --log-dir or BGSVC_STATE_DIR`;
    case 'low-space':
      return `the log dir ${path} has only ${problem.freeKiB} KiB free; services would lose their output (free some space or choose another dir with --log-dir)`;
  }
}

