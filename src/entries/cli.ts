// Front door for `npx bgsvc`: wires process signals and stdio to the CLI edge.
import { runCli } from '../edges/cli.js';
import { currentPlatform } from '../process/index.js';

const cancel = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second signal means "now": leave without cleaning up.
    if (cancel.signal.aborted) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    cancel.abort(signal);
  });
}

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
