import type { PinHasher } from '../core/index.js';

/**
 * Hashes the PINs of an import with at most `concurrency` argon2 computations in flight: each
 * one holds its memory cost (≥ 19 MiB) until done, so unbounded Promise.all over 100,000 rows
 * would exhaust memory, and more than one per core only queues in libuv's pool anyway.
 * Returns the hashes index-aligned with `pins` (null where there is no PIN).
 */
export async function hashPinsBounded(
  pins: readonly (string | null)[],
  hasher: Pick<PinHasher, 'hash'>,
  concurrency: number,
): Promise<(string | null)[]> {
  const hashes: (string | null)[] = new Array<string | null>(pins.length).fill(null);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pins.length) {
      const index = next++;
      const pin = pins[index];
      if (pin !== null && pin !== undefined) hashes[index] = await hasher.hash(pin);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, pins.length)) }, worker));
  return hashes;
}
