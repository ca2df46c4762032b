// Where one `uses:` of the action keeps its state: $BGSVC_STATE_DIR when the
// workflow sets it, else a directory of its own under $RUNNER_TEMP, so two
// uses in one job never share (or stop) each other's services.
import { randomHex } from '../../random.js';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stateFilePath } from '../../state/index.js';

export function chooseStateDir(env: NodeJS.ProcessEnv, cwd: string): string {
  if (env.BGSVC_STATE_DIR) return resolve(cwd, env.BGSVC_STATE_DIR);
  const base = join(env.RUNNER_TEMP || tmpdir(), 'bgsvc');
  // GITHUB_ACTION is the step's id, or `__owner_repo` with a `_2`, `_3`… suffix
  // for repeated uses: unique per step within a job.
  // https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables
  const step = (env.GITHUB_ACTION ?? '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || `step-${randomHex(4)}`;
  // RUNNER_TEMP is emptied before each job, so a state file already there
  // belongs to another step of this job (a composite action using bgsvc twice).
  let dir = join(base, step);
  for (let n = 2; existsSync(stateFilePath(dir)); n++) dir = join(base, `${step}-${n}`);
  return dir;
}
