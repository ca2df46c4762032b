import type { LogsPolicy } from './terminal.js';

// GitLab's after_script sees how script ended in CI_JOB_STATUS:
// https://docs.gitlab.com/ci/variables/predefined_variables/ (success, failed, canceled).
const UNSUCCESSFUL = new Set(['failed', 'canceled']);

export interface JobStatusLogs {
  status: string;
  logs: LogsPolicy;
}

// `bgsvc stop` in after_script with no --logs: when the job did not pass, every
// service's log tail may explain why, so print them all (GitHub's
// log-output-if: failure). While script runs, the status is "running": no change.
export function logsForJobStatus(env: NodeJS.ProcessEnv): JobStatusLogs | undefined {
  if (env.GITLAB_CI !== 'true') return undefined;
  const status = env.CI_JOB_STATUS;
  if (status === undefined || !UNSUCCESSFUL.has(status)) return undefined;
  return { status, logs: 'always' };
}
