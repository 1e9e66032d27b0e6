import type { KeyboardWedgeDecoder, WedgeKeystroke, WedgeOutcome } from './wedgeDecoder.js';

const DIGIT_OR_LETTER = /^(Digit|Numpad)(\d)$|^Key([A-Z])$/;

/** Character of a keystroke by physical key (layout-independent, as readers.md advises). */
function charOf(keystroke: WedgeKeystroke): string | null {
  const match = DIGIT_OR_LETTER.exec(keystroke.code);
  if (!match) return null;
  return match[2] ?? match[3] ?? null;
}

/**
 * Interim burst decoder used until the shared src/devices keyboard-wedge decoder lands: keys at
 * most maxGapMs apart, at least minLength of them, ended by Enter.
 */
export function createBurstWedgeDecoder(options: { maxGapMs?: number; minLength?: number } = {}): KeyboardWedgeDecoder {
  const maxGapMs = options.maxGapMs ?? 50;
  const minLength = options.minLength ?? 4;
  let buffer = '';
  let lastAt = -Infinity;
  return {
    keydown(key) {
      const gap = key.timeStamp - lastAt;
      lastAt = key.timeStamp;
      if (gap > maxGapMs) buffer = '';
      if (key.code === 'Enter' || key.code === 'NumpadEnter') {
        const outcomes: WedgeOutcome[] = buffer.length >= minLength ? [{ kind: 'card', text: buffer }] : [];
        buffer = '';
        return { swallow: true, outcomes };
      }
      const char = charOf(key);
      if (char === null) {
        if (!/^(Shift|Control|Alt|Meta)/.test(key.code)) buffer = '';
      } else {
        buffer += char;
      }
      return { swallow: true, outcomes: [] };
    },
    deadline: () => undefined,
    silence: () => [],
  };
}
