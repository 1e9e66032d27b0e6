/**
 * Keys a keyboard-mode reader types, named by `KeyboardEvent.code` (the physical key, so AZERTY or
 * QWERTZ OS layouts do not turn `1` into `&`; readers.md §2.4) and by HID usage ID (page 0x07,
 * readers.md §2.2). Both decoders map to characters through the US table below, which makes them
 * layout-independent. Pure: the renderer imports it.
 */

/** US-layout characters per code: [unshifted, shifted]. */
const CHARACTERS: Readonly<Record<string, readonly [string, string]>> = (() => {
  const table: Record<string, readonly [string, string]> = {};
  for (let i = 0; i < 26; i++) {
    const lower = String.fromCharCode(0x61 + i);
    table[`Key${lower.toUpperCase()}`] = [lower, lower.toUpperCase()];
  }
  const shiftedDigits = ')!@#$%^&*(';
  for (let d = 0; d <= 9; d++) {
    table[`Digit${d}`] = [String(d), shiftedDigits[d]!];
    table[`Numpad${d}`] = [String(d), String(d)];
  }
  const punctuation: Array<[string, string, string]> = [
    ['Space', ' ', ' '], ['Minus', '-', '_'], ['Equal', '=', '+'], ['BracketLeft', '[', '{'],
    ['BracketRight', ']', '}'], ['Backslash', '\\', '|'], ['Semicolon', ';', ':'], ['Quote', "'", '"'],
    ['Backquote', '`', '~'], ['Comma', ',', '<'], ['Period', '.', '>'], ['Slash', '/', '?'],
    ['NumpadDivide', '/', '/'], ['NumpadMultiply', '*', '*'], ['NumpadSubtract', '-', '-'],
    ['NumpadAdd', '+', '+'], ['NumpadDecimal', '.', '.'],
  ];
  for (const [code, plain, shifted] of punctuation) table[code] = [plain, shifted];
  return table;
})();

/** Codes that end a record by default (Tab is optional: pcProx and onScan.js allow it). */
export const ENTER_CODES: readonly string[] = ['Enter', 'NumpadEnter'];

/** The character a code types, or undefined for keys that type nothing we accept. */
export function characterForCode(code: string, shift: boolean): string | undefined {
  const entry = CHARACTERS[code];
  return entry ? entry[shift ? 1 : 0] : undefined;
}

/** HID usage IDs (page 0x07) to `KeyboardEvent.code`. */
const USAGE_CODES: ReadonlyMap<number, string> = (() => {
  const map = new Map<number, string>();
  for (let i = 0; i < 26; i++) map.set(0x04 + i, `Key${String.fromCharCode(0x41 + i)}`);
  for (let d = 1; d <= 9; d++) {
    map.set(0x1d + d, `Digit${d}`);
    map.set(0x58 + d, `Numpad${d}`);
  }
  map.set(0x27, 'Digit0');
  map.set(0x62, 'Numpad0');
  const others: Array<[number, string]> = [
    [0x28, 'Enter'], [0x2b, 'Tab'], [0x2c, 'Space'], [0x2d, 'Minus'], [0x2e, 'Equal'], [0x2f, 'BracketLeft'],
    [0x30, 'BracketRight'], [0x31, 'Backslash'], [0x33, 'Semicolon'], [0x34, 'Quote'], [0x35, 'Backquote'],
    [0x36, 'Comma'], [0x37, 'Period'], [0x38, 'Slash'], [0x54, 'NumpadDivide'], [0x55, 'NumpadMultiply'],
    [0x56, 'NumpadSubtract'], [0x57, 'NumpadAdd'], [0x58, 'NumpadEnter'], [0x63, 'NumpadDecimal'],
  ];
  for (const [usage, code] of others) map.set(usage, code);
  return map;
})();

export function codeForUsage(usage: number): string | undefined {
  return USAGE_CODES.get(usage);
}
