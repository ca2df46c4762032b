// The action's scenarios under Node 24, what `runs: using: node24` runs on
// GitHub, fetched as the npm package node@24 (never a project dependency).
import { describe, it } from 'vitest';
import { resolveNode24 } from './harness.js';
import { describeActionScenarios } from './scenarios.js';

const node24 = await resolveNode24();

if (node24.path) {
  describe(`the action under ${node24.label}`, () => {
    describeActionScenarios(node24.path!);
  });
} else if (process.env.CI === 'true') {
  // CI must prove the runtime GitHub uses; a missing Node 24 is a failure there.
  describe(`the action under ${node24.label}`, () => {
    it('has Node 24 to run on', () => {
      throw new Error(`Node 24 is required under CI=true: ${node24.reason}`);
    });
  });
} else {
  console.warn(`bgsvc: the Node 24 action scenarios are SKIPPED: ${node24.reason}`);
  describe.skip(`the action under ${node24.label} — SKIPPED: ${node24.reason}`, () => {
    it('runs the scenarios', () => {});
  });
}
