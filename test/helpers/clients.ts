// The real CI clients the e2e tests drive: nektos/act, GitLab Runner and the
// Node 24 act runs our action with. .ci/clients builds them once per machine
// into a cache outside the repo; tests only look them up here, never build.
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const ACT_VERSION = 'v0.2.87';
export const GITLAB_RUNNER_VERSION = 'v16.11.0';

/** Where .ci/clients keeps them: $BGSVC_CI_CACHE, else ~/.cache/bgsvc-ci. */
export const CLIENT_CACHE = process.env.BGSVC_CI_CACHE || join(homedir(), '.cache/bgsvc-ci');

export interface Client {
  /** Absolute path of the binary (or, for node24, of the dir holding `node`). */
  path: string;
  /** Why it cannot be used, or undefined when it can. */
  missing: string | undefined;
}

function lookUp(path: string, what: string): Client {
  try {
    accessSync(path, constants.X_OK);
    return { path, missing: undefined };
  } catch {
    return { path, missing: `${what} not found at ${path} (.ci/clients builds it)` };
  }
}

/** nektos/act, run with `-P ubuntu-latest=-self-hosted`. */
export const act = (): Client => lookUp(join(CLIENT_CACHE, `act-${ACT_VERSION}`), `act ${ACT_VERSION}`);

/** GitLab Runner, the last release with `gitlab-runner exec shell`. */
export const gitlabRunner = (): Client =>
  lookUp(join(CLIENT_CACHE, `gitlab-runner-${GITLAB_RUNNER_VERSION}`), `gitlab-runner ${GITLAB_RUNNER_VERSION}`);

/** A dir whose only entry is Node 24's `node`, to put first on act's PATH. */
export function node24Bin(): Client {
  const dir = join(CLIENT_CACHE, 'node24/node_modules/node/bin');
  const found = lookUp(join(dir, 'node'), 'Node 24 (npm package node@24)');
  return { path: dir, missing: found.missing };
}
