// A stop outcome in a few words, for `status` and the job summary's table.
import type { StopOutcome } from '../state/outcomes.js';

export function describeStopOutcome(outcome: StopOutcome): string {
  switch (outcome.kind) {
    case 'stopped':
      return `stopped (${outcome.signal})`;
    case 'killed':
      return 'killed after grace';
    case 'exited':
      return outcome.signal ? `exited (${outcome.signal})` : `exited ${outcome.code}`;
    case 'not-running':
      return outcome.interruptedStopAt === undefined ? 'not running' : 'stopped by an interrupted stop';
    case 'survivors':
      return `could not stop ${outcome.processes.length} process(es)`;
    case 'still-listening':
      return `still listening on ${outcome.targets.map((item) => item.target).join(', ')}`;
    case 'stop-command-failed':
      return outcome.timedOut ? 'stop command timed out' : `stop command exited ${outcome.code}`;
  }
}
