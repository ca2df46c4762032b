import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keepScratch, removeScratch, scratchDir, scratchMark } from '../helpers/scratch.js';

describe('test scratch dirs', () => {
  it('removes only the dirs made after a mark, and keeps the ones asked for', () => {
    const before = scratchDir('scratch-early');
    const mark = scratchMark();
    const after = scratchDir('scratch-late');
    expect([existsSync(before), existsSync(after)]).toEqual([true, true]);
    removeScratch(mark);
    expect([existsSync(before), existsSync(after)]).toEqual([true, false]);

    const kept = scratchDir('scratch-kept');
    expect(keepScratch(mark)).toEqual([kept]);
    removeScratch();
    expect([existsSync(before), existsSync(kept)]).toEqual([false, true]);
    rmSync(kept, { recursive: true });
  });
});

