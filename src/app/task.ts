// A one-shot task (`ready: exit`): ready when its command exits 0. Its wait is
// a race of three: the exit, the deadline, and a cancel or another's failure.
import { formatDuration } from '../config/duration.js';
import type { ServicePlan } from '../config/types.js';
import type { LaunchedService, ServiceExit } from '../process/index.js';
import type { ServiceRecord, StartFailureReason } from '../state/index.js';
import type { LaunchContext } from './launch-context.js';

type Fail = (reason: StartFailureReason, message: string, withLog?: boolean, exit?: ServiceExit) => Promise<boolean>;

export async function finishTask(
  service: ServicePlan,
  record: Readonly<ServiceRecord>,
  launched: LaunchedService,
  context: LaunchContext,
  fail: Fail,
  exports: () => Record<string, string> | undefined,
): Promise<boolean> {
  const ended = await exitWithin(launched.exited, service.timeoutMs, context.cancel);
  if (ended === 'aborted') return false;
  if (ended === 'timeout') {
    return fail('timeout', `${service.name} (a task) did not finish within ${formatDuration(service.timeoutMs)}; raise its timeout if it needs longer`);
  }
  const after = formatDuration(Math.max(0, ended.atMs - record.startedAt));
  if (ended.code !== 0 || ended.signal) {
    const how = ended.signal ? `was killed by ${ended.signal}` : `exited with code ${ended.code}`;
    return fail('exited', `${service.name} (a task) ${how} (${after} after start)`, true, ended);
  }
  await context.store.ready(service.name, { at: ended.atMs, listeners: [], adopted: [], exports: exports() });
  context.emit({ type: 'ready', service: service.name, ms: ended.atMs - record.startedAt, probes: [], task: true });
  return true;
}

function exitWithin(exited: Promise<ServiceExit>, timeoutMs: number, cancel: AbortSignal): Promise<ServiceExit | 'timeout' | 'aborted'> {
  if (cancel.aborted) return Promise.resolve('aborted');
  return new Promise((resolve) => {
    const done = (value: ServiceExit | 'timeout' | 'aborted') => {
      clearTimeout(timer);
      cancel.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => done('aborted');
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    timer.unref();
    cancel.addEventListener('abort', onAbort, { once: true });
    void exited.then(done, () => done('aborted'));
  });
}
