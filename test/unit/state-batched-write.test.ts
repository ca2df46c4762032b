import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.js';
import { batchedStateWriter, writeState, type StateFile } from '../../src/state/index.js';

function freshState(): StateFile {
  const stateDir = scratchDir('batched');
  return { schema: 'bgsvc-state', version: 1, id: 'abcdefabcdef', createdAt: 1, stateDir, logDir: join(stateDir, 'logs'), complete: false, services: [] };
}

describe('batchedStateWriter', () => {
  it('writes once for every call in one turn, after all of them, and again in a later turn', async () => {
    const state = freshState();
    let writes = 0;
    const persist = batchedStateWriter(state, (s) => {
      writes += 1;
      writeState(s);
    });
    const first = persist();
    state.complete = true;
    const second = persist();
    expect(writes).toBe(0);
    await Promise.all([first, second]);
    expect(writes).toBe(1);
    // The write came after both changes.
    expect(JSON.parse(readFileSync(join(state.stateDir, 'state.json'), 'utf8')).complete).toBe(true);
    await persist();
    expect(writes).toBe(2);
  });

  it('rejects every caller of a failed write, and the next turn writes afresh', async () => {
    const state = freshState();
    let fail = true;
    const persist = batchedStateWriter(state, (s) => {
      if (fail) throw new Error('disk full');
      writeState(s);
    });
    const results = await Promise.allSettled([persist(), persist()]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(persist()).resolves.toBeUndefined();
  });
});
