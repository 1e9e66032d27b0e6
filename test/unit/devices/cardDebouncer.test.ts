import { CardDebouncer, DEFAULT_DEBOUNCE_MS } from '../../../src/devices/cardDebouncer.js';
import { CONFIG_KEYS } from '../../../src/core/config/configRegistry.js';

describe('card debounce', () => {
  it('defaults to reader.debounce-ms (1 s)', () => {
    expect(DEFAULT_DEBOUNCE_MS).toBe(1000);
    expect(CONFIG_KEYS['reader.debounce-ms'].default).toBe(DEFAULT_DEBOUNCE_MS);
    expect(new CardDebouncer().windowMs).toBe(1000);
  });

  it('a card repeated every 50 ms while held is one swipe', () => {
    const debouncer = new CardDebouncer();
    const accepted = Array.from({ length: 60 }, (_, i) => debouncer.accept('0006547886', i * 50)).filter(Boolean);
    expect(accepted).toHaveLength(1);
  });

  it('the same card again after the window of silence is a new swipe', () => {
    const debouncer = new CardDebouncer(1000);
    expect(debouncer.accept('A', 0)).toBe(true);
    expect(debouncer.accept('A', 999)).toBe(false);
    expect(debouncer.accept('A', 1999)).toBe(true);
  });

  it('another card is accepted at once, and the first card after it too', () => {
    const debouncer = new CardDebouncer(1000);
    expect([debouncer.accept('A', 0), debouncer.accept('B', 10), debouncer.accept('A', 20)]).toEqual([true, true, true]);
  });

  it('the window is configurable; 0 disables debouncing', () => {
    const off = new CardDebouncer(0);
    expect([off.accept('A', 0), off.accept('A', 0)]).toEqual([true, true]);
    const short = new CardDebouncer(100);
    expect([short.accept('A', 0), short.accept('A', 50), short.accept('A', 200)]).toEqual([true, false, true]);
    expect(() => new CardDebouncer(-1)).toThrow(/non-negative/);
  });
});
