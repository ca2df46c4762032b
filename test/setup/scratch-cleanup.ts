// Runs after every test file (registered first, so with vitest's stacked hooks it runs last,
// after the file's own cleanups have stopped its services).
import { afterAll } from 'vitest';
import type { RunnerTask } from 'vitest';
import { keepScratch, removeScratch } from '../helpers/scratch.js';

function failed(task: Readonly<RunnerTask>): boolean {
  if (task.result?.state === 'fail') return true;
  return 'tasks' in task && task.tasks.some(failed);
}

// vitest reads the first parameter as fixtures and insists it be destructured.
afterAll(({}, file) => {
  if (!failed(file)) return removeScratch();
  const kept = keepScratch();
  if (kept.length > 0) console.error(`kept for diagnosis (a test failed): ${kept.join(' ')}`);
});
