import type { Language } from '../i18n/catalogues.js';

/** One page of keys, row by row; each key types its own character. */
export type KeyRows = readonly (readonly string[])[];

export interface KeyboardLayout {
  /** Lower-case letters; Shift types each key's upper case once. */
  readonly letters: KeyRows;
  /** Digits and the symbols usernames and passwords use most (@ . - are on the bottom row of both pages). */
  readonly symbols: KeyRows;
}

const SYMBOLS: KeyRows = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['_', '!', '?', '#', '$', '%', '&', '*', '+', '='],
  ['/', '\\', '(', ')', ':', ';', ',', "'", '"'],
];

/**
 * The letter layout people of each kiosk language know from their own keyboards: QWERTY (en),
 * QWERTZ with umlauts and ß (de), AZERTY with the accented letters of its digit row (fr; à on the
 * symbols page).
 */
export const KEYBOARD_LAYOUTS: { readonly [L in Language]: KeyboardLayout } = {
  en: {
    letters: [
      ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
      ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
      ['z', 'x', 'c', 'v', 'b', 'n', 'm'],
    ],
    symbols: SYMBOLS,
  },
  de: {
    letters: [
      ['q', 'w', 'e', 'r', 't', 'z', 'u', 'i', 'o', 'p', 'ü'],
      ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'ö', 'ä'],
      ['y', 'x', 'c', 'v', 'b', 'n', 'm', 'ß'],
    ],
    symbols: SYMBOLS,
  },
  fr: {
    letters: [
      ['a', 'z', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
      ['q', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm'],
      ['w', 'x', 'c', 'v', 'b', 'n', 'é', 'è', 'ç'],
    ],
    // à with the symbols: a twelfth key in the letters' last row would not fit an 800 px wide screen.
    symbols: [...SYMBOLS.slice(0, 2), [...SYMBOLS[2]!, 'à']],
  },
};

/** What a key types with Shift: its upper case when that is one character (ß stays ß). */
export function shifted(key: string): string {
  const upper = key.toLocaleUpperCase();
  return upper.length === 1 ? upper : key;
}
