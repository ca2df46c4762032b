// Front door for the action's post step (action.yml `post: dist/post.cjs`, post-if: always()).
import { runIfMainScript } from '../edges/github/entry-point.js';
import { createActionsIo, type ActionsIoOptions } from '../edges/github/io.js';
import { runActionPost } from '../edges/github/post.js';
import { currentPlatform } from '../process/index.js';

/** Stops everything main started and reports; exported for @github/local-action, which calls it without options. */
export async function run(options: ActionsIoOptions = {}): Promise<void> {
  const io = createActionsIo(options);
  // A cancel during cleanup asks for what this step already does: finish the stop.
  const onSignal = (signal: NodeJS.Signals) => io.info(`bgsvc: ${signal} received; finishing the stop first`);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runActionPost(io, { env: process.env, cwd: process.cwd(), platform: currentPlatform() });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

// No top-level await: this entry is bundled as CommonJS (see scripts/build.mjs).
// Started by the runner, post writes its plain lines straight to stdout (io.ts).
void runIfMainScript(import.meta.url, () => run({ directStdout: true }));
