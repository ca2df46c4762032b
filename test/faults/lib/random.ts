// A small seeded PRNG, so every generated case (corpus filler, fuzz mutation)
// can be reproduced from its seed alone.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, max). */
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

// mulberry32: tiny, fast, and good enough to spread mutations; not for secrets.
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    chance: (probability: number) => next() < probability,
  };
}

/** A seed from the environment (decimal or 0x…), or the fixed CI default. */
export function seedFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value.trim());
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new Error(`BGSVC_FUZZ_SEED must be a non-negative integer, got ${JSON.stringify(value)}`);
  return parsed >>> 0;
}

/** A whole number from the environment, or the fallback. */
export function countFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value.trim());
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return parsed;
}
