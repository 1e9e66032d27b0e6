import type { Clock, RandomSource } from '../../src/core/index.js';

/**
 * Deterministic stand-ins for the Clock and RandomSource ports, for pure unit tests of src/core.
 * Tests of the store and flows use the real crypto source (src/store/cryptoRandomSource.ts).
 */
export function scriptedRandom(values: readonly number[]): RandomSource & { readonly drawn: number[] } {
  const drawn: number[] = [];
  let i = 0;
  return {
    drawn,
    randomInt(maxExclusive: number): number {
      const value = values[i++ % values.length]!;
      if (value >= maxExclusive) throw new Error(`scripted value ${value} is not below ${maxExclusive}`);
      drawn.push(value);
      return value;
    },
    uuid: () => `00000000-0000-4000-8000-${String(i++).padStart(12, '0')}`,
  };
}

export function manualClock(start: number): Clock & { set(ms: number): void; advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    set(ms: number) {
      now = ms;
    },
    advance(ms: number) {
      now += ms;
    },
  };
}
