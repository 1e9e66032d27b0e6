import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hexToBytes } from '../../src/devices/framer.js';

export interface RecordedReport {
  /** ms since the recording started */
  readonly t: number;
  readonly bytes: Uint8Array;
}

/** Reads a HID report fixture: JSON Lines `{t, hex}` (readers.md §5.4), first line a comment. */
export function loadReportFixture(name: string): RecordedReport[] {
  const text = readFileSync(path.join(__dirname, '..', 'fixtures', 'devices', name), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { t?: number; hex?: string })
    .filter((entry): entry is { t: number; hex: string } => entry.hex !== undefined)
    .map((entry) => ({ t: entry.t, bytes: hexToBytes(entry.hex)! }));
}

/** `02 30 31` → bytes; throws on a typo in a test vector. */
export function bytes(hex: string): Uint8Array {
  const result = hexToBytes(hex);
  if (!result) throw new Error(`bad hex in test vector: ${hex}`);
  return result;
}
