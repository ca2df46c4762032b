// Front door for `npx bgsvc`: wires process signals and stdio to the CLI edge.
import { runCli } from '../edges/cli.js';
import { onClosedPipe } from '../edges/closed-pipe.js';
import { currentPlatform } from '../process/index.js';

const cancel = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second signal means "now": leave without cleaning up.
    if (cancel.signal.aborted) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    cancel.abort(signal);
  });
}

// A reader that closed stdout (`bgsvc logs | head`) has what it wanted: end
// quietly with 0, as `git log | head` looks to a shell without pipefail, and
// so a step under `set -o pipefail` (GitHub's bash default) does not go red.
// Only help, --version, status, env and logs write to stdout; none changes anything.
onClosedPipe(process.stdout, () => process.exit(0));
// start, stop and run write their lines to stderr: a closed stderr drops
// those lines but must not leave a start or a stop half done.
onClosedPipe(process.stderr, () => {});

// No top-level await: this entry is bundled as CommonJS (see scripts/build.mjs).
void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  signal: cancel.signal,
  platform: currentPlatform(),
}).then((code) => {
  process.exitCode = code;
});
