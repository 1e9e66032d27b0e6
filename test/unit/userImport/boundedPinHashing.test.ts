import { hashPinsBounded } from '../../../src/userImport/boundedPinHashing.js';

describe('bounded PIN hashing for imports', () => {
  it('hashes every PIN in order, skips rows without one, and never runs more than the bound at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const hasher = {
      async hash(pin: string) {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
        return `h(${pin})`;
      },
    };
    const pins = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? null : String(1000 + i)));
    const hashes = await hashPinsBounded(pins, hasher, 3);
    expect(hashes).toEqual(pins.map((pin) => (pin === null ? null : `h(${pin})`)));
    expect(peak).toBe(3);
  });

  it('handles an empty list', async () => {
    expect(await hashPinsBounded([], { hash: async () => 'x' }, 4)).toEqual([]);
  });
});
