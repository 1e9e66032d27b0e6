import { validateCardNumberSyntax } from '../core/cardNumberFormat.js';

const CHARACTER_NAMES: Readonly<Record<string, string>> = { ' ': 'space', '-': 'dash', ':': 'colon', '.': 'dot', '/': 'slash', _: 'underscore' };

export type WedgeReadCheck = { readonly cardNumber: string } | { readonly problem: string };

/**
 * A keyboard-wedge read as a Card/ID number (trimmed), or why it is none, in words for the
 * technician's log. The words name the kinds of characters that do not belong (a reader set to
 * send separators), never the read itself: a card number is a credential.
 */
export function checkWedgeRead(text: string): WedgeReadCheck {
  const valid = validateCardNumberSyntax(text);
  if (valid.ok) return { cardNumber: valid.value };
  const names = new Set(Array.from(text.trim()).filter((c) => !/[0-9A-Za-z]/.test(c)).map((c) => CHARACTER_NAMES[c] ?? 'symbol'));
  if (names.size === 0) return { problem: valid.error.message };
  return {
    problem: `the keyboard-wedge read holds ${[...names].join(', ')} characters besides letters and digits; set the reader to send the number without separators`,
  };
}
