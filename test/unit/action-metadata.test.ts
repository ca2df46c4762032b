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
  inputs: Record<string, { description?: string }>;
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
