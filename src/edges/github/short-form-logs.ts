// background-action v2's `stdout-log` and `stderr-log` outputs, for the `run`
// short form. bgsvc writes a service's stdout and stderr interleaved into one
// file (DESIGN §5: the kernel writes both fds straight to it), so both outputs
// name that same file. A `run` that starts several services has several logs:
// the outputs then hold one path per line, in `run`'s order, which is what
// actions/upload-artifact's multi-line `path:` takes.
import { join } from 'node:path';
import type { Plan } from '../../config/types.js';
import { OUTPUT } from './constants.js';

/** Known before anything starts, so a failed main still hands over the paths. */
export function shortFormLogOutputs(plan: Plan, logDir: string): Record<string, string> {
  // The core names each log <log dir>/<name>.log (app/launch-and-wait.ts).
  const paths = plan.services.map((service) => join(logDir, `${service.name}.log`)).join('\n');
  return { [OUTPUT.stdoutLog]: paths, [OUTPUT.stderrLog]: paths };
}
