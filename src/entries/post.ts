// Front door for the action's post step (action.yml `post: dist/post.js`, post-if: always()).
import { isMainScript } from '../edges/github/entry-point.js';
import { createActionsIo } from '../edges/github/io.js';
import { runActionPost } from '../edges/github/post.js';

/** Stops everything main started and reports; exported for @github/local-action. */
export async function run(): Promise<void> {
  // A cancel during cleanup asks for what this step already does: finish the stop.
  const onSignal = (signal: NodeJS.Signals) => process.stdout.write(`bgsvc: ${signal} received; finishing the stop first\n`);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runActionPost(createActionsIo(), { env: process.env, cwd: process.cwd() });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

if (isMainScript(import.meta.url)) {
  await run();
  // Services are detached and released; should any handle still hold the loop
  // open, leave anyway: the runner waits for this process before the next step.
  setTimeout(() => {
    process.stderr.write('bgsvc: an open handle kept this step alive; exiting anyway\n');
    process.exit();
  }, 3000).unref();
}
