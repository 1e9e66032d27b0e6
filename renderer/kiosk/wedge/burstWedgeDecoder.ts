import type { KeyboardWedgeDecoder, WedgeKeystroke } from './wedgeDecoder.js';

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
    push(keystroke) {
      const gap = keystroke.at - lastAt;
      lastAt = keystroke.at;
      if (gap > maxGapMs) buffer = '';
      if (keystroke.code === 'Enter' || keystroke.code === 'NumpadEnter') {
        const card = buffer.length >= minLength ? buffer : null;
        buffer = '';
        return card;
      }
      const char = charOf(keystroke);
      if (char === null) {
        if (!/^(Shift|Control|Alt|Meta)/.test(keystroke.code)) buffer = '';
        return null;
      }
      buffer += char;
      return null;
    },
  };
}
