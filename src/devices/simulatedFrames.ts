import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { encodeRdm6300Frame } from './rdm6300Framer.js';
import type { FramerSettings, PresetName } from './readerPresets.js';

/**
 * The bytes a reader of a preset sends for one card, so a socat pty can stand in for the reader
 * (`badgekiosk simulate-reader`, tests, benchmarks). `card` is the record as the reader sends it:
 * rdm6300 the 10-hex-digit EM4100 ID, twn4-cdc the hex UID, line any printable text.
 */
export function simulatedFrame(preset: PresetName, card: string, settings: FramerSettings = {}): Result<Uint8Array, string> {
  const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const ending = settings.terminator === 'lf' ? '\n' : settings.terminator === 'crlf' ? '\r\n' : '\r';
  switch (preset) {
    case 'rdm6300':
      if (!/^[0-9A-Fa-f]{10}$/.test(card)) return err('rdm6300 cards are 10 hex digits (the EM4100 ID, e.g. 010063E9AE)');
      return ok(encodeRdm6300Frame(card));
    case 'twn4-cdc':
      if (!/^[0-9A-Fa-f]{2,64}$/.test(card)) return err('twn4-cdc cards are hex UIDs (e.g. 04A23C1A)');
      return ok(ascii(card + '\r'));
    case 'line':
      if (!/^[\x20-\x7e]{1,100}$/.test(card)) return err('line cards are 1 to 100 printable ASCII characters');
      return ok(ascii((settings.prefix ?? '') + card + (settings.suffix ?? '') + ending));
    case 'hid-keyboard':
      return err('hid-keyboard readers cannot be simulated on a serial port; use decode with recorded reports');
    default: {
      const never: never = preset;
      return never;
    }
  }
}
