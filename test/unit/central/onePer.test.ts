import { onePer } from '../../../src/central/onePer.js';

describe('onePer', () => {
  it('creates once per key and keeps keys apart', () => {
    const made: object[] = [];
    const stateOf = onePer((key: object) => {
      made.push(key);
      return { of: key };
    });
    const a = {};
    const b = {};
    expect(stateOf(a)).toBe(stateOf(a));
    expect(stateOf(b)).not.toBe(stateOf(a));
    expect(stateOf(b).of).toBe(b);
    expect(made).toEqual([a, b]);
  });
});
