import { generateCardNumber, generateUniqueCardNumber } from '../../../src/core/index.js';
import { scriptedRandom } from '../../support/domainFakes.js';

describe('Card/ID number generation', () => {
  it('draws one digit per position, the first from 1-9', () => {
    const random = scriptedRandom([0, 0, 7, 9]);
    expect(generateCardNumber(random, 4)).toBe('1079');
    expect(generateCardNumber(scriptedRandom([8, 9, 9]), 3)).toBe('999');
  });

  it('gives the configured number of digits and never a leading zero', () => {
    const random = scriptedRandom([0, 3, 0, 5, 8, 0, 1, 2, 6, 4, 0]);
    for (let i = 0; i < 50; i++) {
      const number = generateCardNumber(random, 12);
      expect(number).toMatch(/^[1-9][0-9]{11}$/);
    }
  });

  it('rejects a nonsensical length', () => {
    expect(() => generateCardNumber(scriptedRandom([1]), 0)).toThrow(RangeError);
  });

  it('draws again while the number is taken', () => {
    const taken = new Set(['1111', '2222']);
    const random = scriptedRandom([0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3]);
    const result = generateUniqueCardNumber(random, 4, (n) => taken.has(n));
    expect(result).toEqual({ ok: true, value: '3333' });
  });

  it('gives up after maxTries with a clear refusal', () => {
    const result = generateUniqueCardNumber(scriptedRandom([0]), 4, () => true, 5);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('conflict');
    expect(result.error.message).toContain('after 5 tries');
  });
});
