// GitHub runs dist/ exactly as committed: it must be what src/ builds to.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('dist/', () => {
  it('is byte for byte what a fresh build of src/ produces', () => {
    const fresh = scratchDir('dist');
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), fresh], { cwd: ROOT });
    const built = readdirSync(fresh).sort();
    expect(readdirSync(join(ROOT, 'dist')).sort()).toEqual(built);
    for (const file of built) {
      const same = readFileSync(join(fresh, file)).equals(readFileSync(join(ROOT, 'dist', file)));
      expect(same, `dist/${file} is stale: run "npm run bundle" and commit dist/`).toBe(true);
    }
  });
});
