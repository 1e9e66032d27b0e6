import fc from 'fast-check';
import {
  WIEGAND_FORMATS, WIEGAND_FORMAT_NAMES, decodeWiegand, encodeWiegand, wiegandBitsFromHex, wiegandFields, type WiegandFormat,
} from '../../../src/devices/wiegandFormats.js';

const { h10301, h10306, c1k35, h10304, h10302 } = WIEGAND_FORMATS;

/** Random facility (null when the format has none) and card numbers that fit the format's fields. */
const credential = (format: WiegandFormat) => [
  format.facility ? fc.integer({ min: 0, max: 2 ** format.facility.bits - 1 }) : fc.constant(null),
  fc.integer({ min: 0, max: 2 ** format.card.bits - 1 }),
] as const;

describe('Wiegand formats (readers.md §3)', () => {
  it.each([
    ['WG-04 / §3.4 accessgrid', '10010101000000000010001010', 42, 69],
    ['WG-02 / §3.4 proxmark 2006f623ae', '10111101100010001110101110', 123, 4567],
    ['§3.4 proxmark online fixture', '10001111100000001010100011', 31, 337],
  ])('decodes H10301 %s', (_name, bits, facility, card) => {
    expect(decodeWiegand(h10301, bits)).toEqual({ ok: true, value: { format: 'h10301', facility, card } });
  });

  it('decodes WG-02 from its raw proxmark value 2006F623AE (low 26 bits)', () => {
    const bits = wiegandBitsFromHex('2006F623AE', 26);
    expect(bits).toEqual({ ok: true, value: '10111101100010001110101110' });
    expect(decodeWiegand(h10301, '10111101100010001110101110')).toMatchObject({ ok: true, value: { facility: 123, card: 4567 } });
  });

  it('rejects WG-14 (WG-04 with bit 10 flipped) as parity invalid', () => {
    const bits = '10010101000000000010001010'.split('');
    bits[10] = bits[10] === '1' ? '0' : '1';
    const result = decodeWiegand(h10301, bits.join(''));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/parity invalid/);
  });

  it('decodes Corporate 1000 2e0ec00c87 as company 118, card 1603 (§3.4)', () => {
    expect(decodeWiegand(c1k35, '11000001110110000000000110010000111')).toMatchObject({ ok: true, value: { facility: 118, card: 1603 } });
    const bits = wiegandBitsFromHex('2E0EC00C87', 35);
    expect(bits.ok && decodeWiegand(c1k35, bits.value)).toMatchObject({ ok: true, value: { facility: 118, card: 1603 } });
  });

  it.each([
    ['c1k35 FC 100 CN 12345', c1k35, 100, 12345, '11000001100100000000110000001110010'],
    ['h10306 FC 12345 CN 54321', h10306, 12345, 54321, '0001100000011100111010100001100010'],
    ['h10304 FC 12345 CN 123456', h10304, 12345, 123456, '0001100000011100100111100010010000001'],
    ['h10301 FC 42 CN 69', h10301, 42, 69, '10010101000000000010001010'],
  ])('encodes the synthetic example %s', (_name, format, facility, card, bits) => {
    expect(encodeWiegand(format, facility, card)).toEqual({ ok: true, value: bits });
  });

  it('refuses a message of the wrong length and names both lengths', () => {
    expect(decodeWiegand(h10301, '1001010100000000001000101')).toEqual({ ok: false, error: 'h10301 needs 26 bits, got 25' });
  });

  it('refuses a facility code that does not fit its field', () => {
    const result = encodeWiegand(h10301, 256, 1);
    expect(!result.ok && result.error).toBe('h10301 facility must be an integer from 0 to 255, got 256');
  });

  it('decodes what it encodes, for every format and random facility and card numbers', () => {
    for (const name of WIEGAND_FORMAT_NAMES) {
      const format = WIEGAND_FORMATS[name];
      fc.assert(
        fc.property(
          ...credential(format),
          (facility, card) => {
            const bits = encodeWiegand(format, facility, card);
            expect(bits.ok).toBe(true);
            expect(bits.ok && decodeWiegand(format, bits.value)).toEqual({ ok: true, value: { format: name, facility, card } });
          },
        ),
      );
    }
  });

  it('detects every single flipped bit of an encoded message (parity covers each bit)', () => {
    for (const name of WIEGAND_FORMAT_NAMES) {
      const format = WIEGAND_FORMATS[name];
      fc.assert(
        fc.property(
          ...credential(format),
          fc.integer({ min: 0, max: format.length - 1 }),
          (facility, card, flip) => {
            const bits = encodeWiegand(format, facility, card);
            if (!bits.ok) throw new Error(bits.error);
            const flipped = bits.value.split('');
            flipped[flip] = flipped[flip] === '1' ? '0' : '1';
            const decoded = decodeWiegand(format, flipped.join(''));
            // A flip inside a field that no parity bit covers would decode to another credential:
            // none of the formats has such a bit.
            expect(decoded.ok).toBe(false);
          },
        ),
        { numRuns: 200 },
      );
    }
  });

  describe('H10302 37-bit, card number only (readers.md §3.2; proxmark3 Pack_H10302)', () => {
    // Hand-checked: P0=1 as bits 1–18 010110111111101110 hold 13 ones (even parity); bits 1–35 are
    // 12345678901 = 0x2DFDC1C35; P36=0 as bits 18–35 000001110000110101 hold 7 ones (odd parity).
    // The same 37 bits come out of proxmark3's Pack_H10302 mask arithmetic for CN 12345678901.
    const CN_12345678901 = '1010110111111101110000011100001101010';

    it.each([
      [12345678901, CN_12345678901],
      // P0=0 (bits 1–18 000001110101101111 hold 10 ones), P36=1 (bits 18–35 100110100010110001 hold 8);
      // bit 18, shared by both parity groups, is 1 here.
      [987654321, '0000001110101101111001101000101100011'],
    ])('encodes card %i to its hand-checked bit string, and decodes it back', (card, bits) => {
      expect(encodeWiegand(h10302, null, card)).toEqual({ ok: true, value: bits });
      expect(decodeWiegand(h10302, bits)).toEqual({ ok: true, value: { format: 'h10302', facility: null, card } });
    });

    it('reads the §3.4 H10304 example (FC 12345 CN 123456) as one card number FC·2^19 + CN = 6472458816', () => {
      expect(decodeWiegand(h10302, '0001100000011100100111100010010000001')).toEqual({ ok: true, value: { format: 'h10302', facility: null, card: 12345 * 2 ** 19 + 123456 } });
    });

    it('decodes the largest card number 2^35−1 exactly (a safe integer)', () => {
      const bits = encodeWiegand(h10302, null, 2 ** 35 - 1);
      expect(bits).toEqual({ ok: true, value: '0111111111111111111111111111111111111' });
      expect(bits.ok && decodeWiegand(h10302, bits.value)).toMatchObject({ ok: true, value: { card: 34359738367 } });
      expect(encodeWiegand(h10302, null, 2 ** 35)).toEqual({ ok: false, error: 'h10302 card must be an integer from 0 to 34359738367, got 34359738368' });
    });

    it.each([
      [0, 'even'],
      [36, 'odd'],
    ])('refuses the message with parity bit %i flipped, naming the %s parity bit', (position, kind) => {
      const bits = CN_12345678901.split('');
      bits[position] = bits[position] === '1' ? '0' : '1';
      expect(decodeWiegand(h10302, bits.join(''))).toEqual({ ok: false, error: `h10302 parity invalid: ${kind} parity bit at position ${position} does not match` });
    });

    it('refuses a facility code, and a facility-carrying format refuses none', () => {
      expect(encodeWiegand(h10302, 1, 5)).toEqual({ ok: false, error: 'h10302 has no facility code, got 1' });
      expect(encodeWiegand(h10304, null, 5)).toEqual({ ok: false, error: 'h10304 needs a facility code' });
    });

    it('lists card as its only field, while H10304 has facility and card', () => {
      expect(wiegandFields(h10302)).toEqual(['card']);
      expect(wiegandFields(h10304)).toEqual(['facility', 'card']);
    });
  });
});
