import type { BgsvcEvent } from '../app/events.js';
import { neutralizeMarkers, sectionEnd, sectionStart } from './gitlab-sections.js';
import { createTerminalEmitter, isBadOutcome, type EdgeEmit, type EdgeNote, type TerminalOptions } from './terminal.js';

export interface GitlabOptions extends TerminalOptions {
  /** Wall clock in ms, for the section stamps (tests pin it). */
  now?: () => number;
}

// The GitLab edge (GITLAB_CI=true): the same one line per event as a terminal,
// but each log tail goes in its own section, so a job log with five services
// stays readable: collapsed in `stop`, open when a service failed to start.
export function createGitlabEmitter(options: GitlabOptions): EdgeEmit {
  const lines = createTerminalEmitter({ ...options, logs: 'never' });
  const unixNow = () => Math.floor((options.now ?? Date.now)() / 1000);

  const printTail = (event: { service: string; logFile?: string; logTail?: string[] }, section: string, collapsed: boolean) => {
    if (!event.logFile) return;
    const tail = event.logTail ?? [];
    if (tail.length === 0) {
      options.write(`    (log is empty: ${event.logFile})\n`);
      return;
    }
    options.write(sectionStart(section, `${event.service}: last ${tail.length} ${tail.length === 1 ? 'line' : 'lines'} of ${event.logFile}`, { collapsed, at: unixNow() }));
    for (const line of tail) options.write(`${neutralizeMarkers(line)}\n`);
    options.write(sectionEnd(section, unixNow()));
  };

  return (event: BgsvcEvent | EdgeNote) => {
    switch (event.type) {
      case 'failed':
        // The reason on its line; the tail in an open section of its own.
        lines({ ...event, logFile: undefined, logTail: [] });
        printTail(event, `bgsvc_failed_${event.service}`, false);
        return;
      case 'service-died':
        // Like a failed start: the line, then the tail in an open section of its own.
        lines({ ...event, logTail: [], logFile: '' });
        printTail(event, `bgsvc_died_${event.service}`, false);
        return;
      case 'stopped': {
        lines(event);
        const bad = isBadOutcome(event.outcome);
        if (options.logs === 'always' || (options.logs === 'failure' && bad)) printTail(event, `bgsvc_log_${event.service}`, true);
        return;
      }
      default:
        lines(event);
    }
  };
}
