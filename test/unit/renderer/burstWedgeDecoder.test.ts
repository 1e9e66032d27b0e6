import { createBurstWedgeDecoder } from '../../../renderer/kiosk/wedge/burstWedgeDecoder.js';

function typeAt(text: string, startMs: number, gapMs: number) {
  return [...text].map((char, i) => ({
    code: /\d/.test(char) ? `Digit${char}` : char === '\n' ? 'Enter' : `Key${char.toUpperCase()}`,
    key: char === '\n' ? 'Enter' : char,
    shiftKey: /[A-Z]/.test(char),
    at: startMs + i * gapMs,
  }));
}

describe('interim keyboard-wedge decoder', () => {
  it('a fast burst ended by Enter is a card', () => {
    const decoder = createBurstWedgeDecoder();
    const out = typeAt('0006547886\n', 1000, 8).map((k) => decoder.push(k));
    expect(out.filter((x) => x !== null)).toEqual(['0006547886']);
  });

  it('reads hex letters by physical key', () => {
    const decoder = createBurstWedgeDecoder();
    const out = typeAt('04A23C1A\n', 0, 5).map((k) => decoder.push(k));
    expect(out.at(-1)).toBe('04A23C1A');
  });

  it('a person typing slowly is not a card', () => {
    const decoder = createBurstWedgeDecoder();
    const out = typeAt('1234567\n', 0, 180).map((k) => decoder.push(k));
    expect(out.every((x) => x === null)).toBe(true);
  });
});
