// Front door for the action's main step (action.yml `main: dist/main.cjs`).
import { runIfMainScript } from '../edges/github/entry-point.js';
import { createActionsIo, type ActionsIoOptions } from '../edges/github/io.js';
import { runActionMain } from '../edges/github/main.js';
import { currentPlatform } from '../process/index.js';

/** Starts the services and waits; exported for @github/local-action, which calls it without options. */
export async function run(options: ActionsIoOptions = {}): Promise<void> {
  // The runner cancels a step with SIGINT, then SIGTERM: stop what was started.
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal means "now": post still stops everything from the state file.
    if (cancel.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
    cancel.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runActionMain(createActionsIo(options), { env: process.env, cwd: process.cwd(), signal: cancel.signal, platform: currentPlatform() });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

// No top-level await: this entry is bundled as CommonJS (see scripts/build.mjs).
// Started by the runner, main writes its plain lines straight to stdout (io.ts).
void runIfMainScript(import.meta.url, () => run({ directStdout: true }));
