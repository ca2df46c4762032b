// Front door for the action's post step (action.yml `post: dist/post.cjs`, post-if: always()).
import { runIfMainScript } from '../edges/github/entry-point.js';
import { createActionsIo } from '../edges/github/io.js';
import { runActionPost } from '../edges/github/post.js';
import { currentPlatform } from '../process/index.js';

/** Stops everything main started and reports; exported for @github/local-action. */
export async function run(): Promise<void> {
  // A cancel during cleanup asks for what this step already does: finish the stop.
  const onSignal = (signal: NodeJS.Signals) => process.stdout.write(`bgsvc: ${signal} received; finishing the stop first\n`);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runActionPost(createActionsIo(), { env: process.env, cwd: process.cwd(), platform: currentPlatform() });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

// No top-level await: this entry is bundled as CommonJS (see scripts/build.mjs).
void runIfMainScript(import.meta.url, run);
