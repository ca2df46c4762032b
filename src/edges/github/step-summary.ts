// The job summary is a file command: markdown appended to the file the runner
// names in GITHUB_STEP_SUMMARY. @actions/core's summary module does this too,
// but reading `fs.promises` when it loads, it made each step load Node's
// fs/promises, readline and streams (~5 ms, issue 16) for one append at the
// end of post; scripts/build.mjs leaves it out of the bundles.
import { accessSync, appendFileSync, constants } from 'node:fs';
import { EOL } from 'node:os';

/** Appends `markdown` and a line end, as core.summary.addRaw(markdown, true).write() does. */
export function appendStepSummary(summaryFile: string | undefined, markdown: string): void {
  // The same checks and messages as @actions/core, so a user's search finds them.
  if (!summaryFile) {
    throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
  }
  try {
    accessSync(summaryFile, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${summaryFile}'. Check if the file has correct read/write permissions.`);
  }
  appendFileSync(summaryFile, `${markdown}${EOL}`, { encoding: 'utf8' });
}
