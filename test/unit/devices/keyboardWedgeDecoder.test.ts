import { KEYBOARD_WEDGE_DEFAULTS, KeyboardWedgeDecoder, type WedgeOutcome } from '../../../src/devices/keyboardWedgeDecoder.js';

const codeOf = (c: string) => (/\d/.test(c) ? `Digit${c}` : `Key${c.toUpperCase()}`);

/** Types `text` then optionally Enter, `gap` ms apart, returning all outcomes and swallow decisions. */
function type(decoder: KeyboardWedgeDecoder, text: string, { start = 0, gap = 10, enter = true, fieldFocused = false } = {}) {
  const outcomes: WedgeOutcome[] = [];
  const swallowed: boolean[] = [];
  let t = start;
  for (const c of text) {
    const result = decoder.keydown({ code: codeOf(c), shiftKey: c !== c.toLowerCase(), timeStamp: t }, fieldFocused);
    outcomes.push(...result.outcomes);
    swallowed.push(result.swallow);
    t += gap;
  }
  if (enter) {
    const result = decoder.keydown({ code: 'Enter', shiftKey: false, timeStamp: t }, fieldFocused);
    outcomes.push(...result.outcomes);
    swallowed.push(result.swallow);
  }
  return { outcomes, swallowed, end: t };
}

describe('keyboard wedge decoder (readers.md §2.4)', () => {
  it('uses the recommended defaults: min length 4, 50 ms average gap, 100 ms max gap, 150 ms silence', () => {
    expect(KEYBOARD_WEDGE_DEFAULTS).toMatchObject({ minLength: 4, maxAverageGapMs: 50, maxGapMs: 100, silenceMs: 150 });
    expect(KEYBOARD_WEDGE_DEFAULTS.terminators).toEqual(['Enter', 'NumpadEnter', 'Tab']);
  });

  it('a fast burst ending in Enter is a card, and every key of it is swallowed', () => {
    const { outcomes, swallowed } = type(new KeyboardWedgeDecoder(), '0006547886');
    expect(outcomes).toEqual([{ kind: 'card', text: '0006547886', startedAt: 0, endedAt: 100, leaked: '' }]);
    expect(swallowed.every(Boolean)).toBe(true);
  });

  it('builds characters from code and Shift, so the OS layout does not matter (K-02 as keystrokes)', () => {
    const { outcomes } = type(new KeyboardWedgeDecoder(), '04A23C1A');
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'card', text: '04A23C1A' })]);
  });

  it('accepts keypad digits and NumpadEnter', () => {
    const decoder = new KeyboardWedgeDecoder();
    const outcomes = ['Numpad4', 'Numpad7', 'Numpad1', 'Numpad1', 'NumpadEnter'].flatMap(
      (code, i) => decoder.keydown({ code, shiftKey: false, timeStamp: i * 20 }).outcomes,
    );
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'card', text: '4711' })]);
  });

  it('a person typing slowly is not a card: the keys are handed back as typed text', () => {
    const { outcomes } = type(new KeyboardWedgeDecoder(), '123456', { gap: 180, fieldFocused: true });
    expect(outcomes.every((o) => o.kind === 'typed')).toBe(true);
    expect(outcomes.map((o) => o.text).join('')).toBe('123456');
  });

  it('a fast burst shorter than minLength is typed text', () => {
    const { outcomes } = type(new KeyboardWedgeDecoder(), '123');
    expect(outcomes).toEqual([{ kind: 'typed', text: '123', swallowed: '123' }]);
  });

  it('one slow gap (> maxGapMs) inside a burst breaks it', () => {
    const decoder = new KeyboardWedgeDecoder();
    const first = type(decoder, '12', { enter: false, gap: 10 });
    const second = type(decoder, '345678', { start: first.end + 110, gap: 10 });
    expect(second.outcomes[0]).toEqual({ kind: 'typed', text: '12', swallowed: '12' });
    expect(second.outcomes[1]).toMatchObject({ kind: 'card', text: '345678' });
  });

  it('ends a burst without terminator after silence, telling the caller when to check', () => {
    const decoder = new KeyboardWedgeDecoder();
    const { end } = type(decoder, '99887766', { enter: false });
    const deadline = decoder.deadline()!;
    expect(deadline).toBe(end - 10 + 150);
    expect(decoder.silence(deadline - 1)).toEqual([]);
    expect(decoder.silence(deadline)).toEqual([expect.objectContaining({ kind: 'card', text: '99887766' })]);
    expect(decoder.deadline()).toBeUndefined();
  });

  it('with a field focused, the first key reaches the field and a card reports it as leaked', () => {
    const { outcomes, swallowed } = type(new KeyboardWedgeDecoder(), '12345678', { fieldFocused: true });
    expect(swallowed[0]).toBe(false);
    expect(swallowed.slice(1).every(Boolean)).toBe(true);
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'card', text: '12345678', leaked: '1' })]);
  });

  it('configured prefix and suffix are required and stripped', () => {
    const decoder = new KeyboardWedgeDecoder({ prefix: 'x', suffix: 'z' });
    expect(type(decoder, 'x1234z').outcomes).toEqual([expect.objectContaining({ kind: 'card', text: '1234' })]);
    expect(type(decoder, '1234z', { start: 1000 }).outcomes).toEqual([expect.objectContaining({ kind: 'typed' })]);
  });

  it('timing thresholds are configurable', () => {
    const strict = new KeyboardWedgeDecoder({ maxAverageGapMs: 5 });
    expect(type(strict, '12345678').outcomes[0]).toMatchObject({ kind: 'typed' });
  });

  it('refuses nonsensical options', () => {
    expect(() => new KeyboardWedgeDecoder({ minLength: 10, maxLength: 5 })).toThrow(/minLength/);
    expect(() => new KeyboardWedgeDecoder({ silenceMs: -1 })).toThrow(/silenceMs/);
  });

  it('Backspace during a burst means a person: the burst so far is typed text', () => {
    const decoder = new KeyboardWedgeDecoder();
    type(decoder, '12', { enter: false });
    const { outcomes } = decoder.keydown({ code: 'Backspace', shiftKey: false, timeStamp: 25 });
    expect(outcomes).toEqual([{ kind: 'typed', text: '12', swallowed: '12' }]);
  });
});
