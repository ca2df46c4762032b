// action.yml as the Marketplace and a first-time reader see it: the Marketplace
// refuses a description of 125 characters or more, wants an author, and every
// input must explain itself without knowing background-action, which some
// inputs merely stay compatible with.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const action = parse(readFileSync(resolve(import.meta.dirname, '../../action.yml'), 'utf8')) as {
  name: string;
  description: string;
  author?: string;
  inputs: Record<string, { description?: string; default?: unknown }>;
  outputs: Record<string, { description?: string }>;
  runs: Record<string, string>;
};
const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8'));

describe('action.yml is publishable', () => {
  it('has a description under 125 characters', () => {
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.description.length).toBeLessThan(125);
  });

  it("names a real author: package.json's, else the contributors", () => {
    expect(action.author).toBe(typeof pkg.author === 'string' ? pkg.author : pkg.author?.name ?? 'bgsvc contributors');
  });

  it.each(Object.keys(action.inputs))('describes input %s without leaning on background-action', (name) => {
    const description = action.inputs[name]!.description ?? '';
    expect(description.length).toBeGreaterThan(40);
    expect(description).not.toMatch(/background-action/i);
  });

  it('describes every output and runs on node24 with an always-run post step', () => {
    for (const output of Object.values(action.outputs)) expect(output.description?.length).toBeGreaterThan(20);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/main.cjs', post: 'dist/post.cjs', 'post-if': 'always()' });
  });
});

// A workflow written for either major version must work with only `uses:` changed,
// so every input and output they declare is declared here. The lists are from
// their action.yml: v1 at tag v1.0.7 (2428e7b970a846423095c79d43f759abf979a635),
// v2 at 790349b0d675ee1a98b698f86eae920309726812 of JarvusInnovations/background-action.
describe("action.yml declares background-action's inputs and outputs", () => {
  const v1Inputs = ['run', 'working-directory', 'wait-on', 'wait-for', 'tail', 'log-output', 'log-output-resume', 'log-output-if'];
  const v2Inputs = [...v1Inputs, 'shutdown', 'shutdown-grace'];
  const v2Outputs = ['stdout-log', 'stderr-log'];

  it.each(v2Inputs)('declares input %s', (name) => {
    expect(Object.keys(action.inputs)).toContain(name);
  });

  it.each(v2Outputs)('declares output %s', (name) => {
    expect(Object.keys(action.outputs)).toContain(name);
  });

  it('gives shutdown-grace no default, so the runner never passes it beside stop-timeout; shutdown defaults to true', () => {
    expect(action.inputs['shutdown-grace']!.default).toBeUndefined();
    expect(action.inputs['stop-timeout']!.default).toBeUndefined();
    expect(action.inputs.shutdown!.default).toBe('true');
  });
});
