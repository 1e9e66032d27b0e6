import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';

/**
 * Wiegand card formats of readers.md §3.2. Bit positions are 0-based, 0 = first transmitted = MSB.
 * Pure (no node:*): the renderer's pipeline editor imports it.
 */
export type WiegandFormatName = 'h10301' | 'h10306' | 'c1k35' | 'h10304' | 'h10302';
export type WiegandField = 'facility' | 'card';

interface BitField {
  readonly start: number;
  readonly bits: number;
}

/** A parity bit at `position` makes the number of ones in {position} ∪ over even or odd. */
interface ParityRule {
  readonly position: number;
  readonly kind: 'even' | 'odd';
  readonly over: readonly number[];
}

export interface WiegandFormat {
  readonly name: WiegandFormatName;
  readonly length: number;
  readonly description: string;
  /** Absent for formats that carry only a card number (H10302). */
  readonly facility?: BitField;
  readonly card: BitField;
  /** In computation order: a later rule may cover an earlier parity bit (Corporate 1000). */
  readonly parity: readonly ParityRule[];
}

/** `facility` is null, never absent, for a format without one, so every decode has the same shape. */
export interface WiegandCredential {
  readonly format: WiegandFormatName;
  readonly facility: number | null;
  readonly card: number;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const WIEGAND_FORMATS: Readonly<Record<WiegandFormatName, WiegandFormat>> = {
  h10301: {
    name: 'h10301', length: 26, description: 'HID H10301 standard 26-bit (8-bit facility, 16-bit card)',
    facility: { start: 1, bits: 8 }, card: { start: 9, bits: 16 },
    parity: [
      { position: 0, kind: 'even', over: range(1, 12) },
      { position: 25, kind: 'odd', over: range(13, 24) },
    ],
  },
  h10306: {
    name: 'h10306', length: 34, description: 'HID H10306 34-bit (16-bit facility, 16-bit card)',
    facility: { start: 1, bits: 16 }, card: { start: 17, bits: 16 },
    parity: [
      { position: 0, kind: 'even', over: range(1, 16) },
      { position: 33, kind: 'odd', over: range(17, 32) },
    ],
  },
  c1k35: {
    name: 'c1k35', length: 35, description: 'HID Corporate 1000 35-bit (12-bit company ID, 20-bit card)',
    facility: { start: 2, bits: 12 }, card: { start: 14, bits: 20 },
    parity: [
      { position: 1, kind: 'even', over: range(2, 33).filter((p) => p % 3 !== 1) },
      { position: 34, kind: 'odd', over: range(1, 32).filter((p) => p % 3 !== 0) },
      { position: 0, kind: 'odd', over: range(1, 34) },
    ],
  },
  h10304: {
    name: 'h10304', length: 37, description: 'HID H10304 37-bit (16-bit facility, 19-bit card)',
    facility: { start: 1, bits: 16 }, card: { start: 17, bits: 19 },
    parity: [
      { position: 0, kind: 'even', over: range(1, 18) },
      { position: 36, kind: 'odd', over: range(18, 35) },
    ],
  },
  // Same length and parity as H10304, so every valid H10304 message is also a valid H10302 one:
  // only configuration (or a card number above 19 bits) tells them apart (proxmark3 Pack_H10302).
  h10302: {
    name: 'h10302', length: 37, description: 'HID H10302 37-bit (35-bit card, no facility)',
    card: { start: 1, bits: 35 },
    parity: [
      { position: 0, kind: 'even', over: range(1, 18) },
      { position: 36, kind: 'odd', over: range(18, 35) },
    ],
  },
};

export const WIEGAND_FORMAT_NAMES = Object.keys(WIEGAND_FORMATS) as WiegandFormatName[];

export function isWiegandFormatName(name: string): name is WiegandFormatName {
  return Object.prototype.hasOwnProperty.call(WIEGAND_FORMATS, name);
}

/** The fields a format carries, in message order: `card` always, `facility` when the format has one. */
export function wiegandFields(format: WiegandFormat): WiegandField[] {
  return format.facility ? ['facility', 'card'] : ['card'];
}

function readField(bits: string, field: BitField): number {
  return parseInt(bits.slice(field.start, field.start + field.bits), 2);
}

function parityBit(bits: readonly string[], rule: ParityRule): '0' | '1' {
  const ones = rule.over.reduce((n, p) => n + (bits[p] === '1' ? 1 : 0), 0);
  const evenSoFar = ones % 2 === 0;
  return (rule.kind === 'even') === evenSoFar ? '0' : '1';
}

/**
 * Builds the bit string (MSB first) of a credential; refuses values that do not fit their fields,
 * and a facility code for a format without one (null is the only facility such a format takes).
 */
export function encodeWiegand(format: WiegandFormat, facility: number | null, card: number): Result<string, string> {
  if (!format.facility && facility !== null) return err(`${format.name} has no facility code, got ${facility}`);
  if (format.facility && facility === null) return err(`${format.name} needs a facility code`);
  const fields: [string, number, BitField][] = [['card', card, format.card]];
  if (format.facility && facility !== null) fields.unshift(['facility', facility, format.facility]);
  for (const [label, value, field] of fields) {
    const max = 2 ** field.bits - 1;
    if (!Number.isSafeInteger(value) || value < 0 || value > max) {
      return err(`${format.name} ${label} must be an integer from 0 to ${max}, got ${value}`);
    }
  }
  const bits: string[] = new Array<string>(format.length).fill('0');
  for (const [, value, field] of fields) {
    const text = value.toString(2).padStart(field.bits, '0');
    for (let i = 0; i < field.bits; i++) bits[field.start + i] = text[i]!;
  }
  for (const rule of format.parity) bits[rule.position] = parityBit(bits, rule);
  return ok(bits.join(''));
}

/** Decodes a bit string (MSB first), checking its length and every parity bit. */
export function decodeWiegand(format: WiegandFormat, bits: string): Result<WiegandCredential, string> {
  if (!/^[01]*$/.test(bits)) return err('Wiegand bits must be 0 and 1 only');
  if (bits.length !== format.length) {
    return err(`${format.name} needs ${format.length} bits, got ${bits.length}`);
  }
  const chars = bits.split('');
  for (const rule of format.parity) {
    if (parityBit(chars, rule) !== chars[rule.position]) {
      return err(`${format.name} parity invalid: ${rule.kind} parity bit at position ${rule.position} does not match`);
    }
  }
  const facility = format.facility ? readField(bits, format.facility) : null;
  return ok({ format: format.name, facility, card: readField(bits, format.card) });
}

/** The low `length` bits of a hexadecimal number as a bit string (raw reader values carry preamble/sentinel bits above). */
export function wiegandBitsFromHex(hex: string, length: number): Result<string, string> {
  if (!/^[0-9a-fA-F]+$/.test(hex)) return err(`not a hexadecimal number: ${JSON.stringify(hex)}`);
  if (!Number.isInteger(length) || length < 1 || length > 256) return err('bit length must be from 1 to 256');
  const value = BigInt('0x' + hex);
  return ok((value & ((1n << BigInt(length)) - 1n)).toString(2).padStart(length, '0'));
}
