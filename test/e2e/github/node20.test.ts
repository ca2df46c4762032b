// The action's scenarios under the Node that runs the test suite (20 here).
import { describe } from 'vitest';
import { describeActionScenarios } from './scenarios.js';

describe(`the action under Node ${process.versions.node} (this machine's)`, () => {
  describeActionScenarios(process.execPath);
});
