import { convertWithPipeline } from '../../../src/devices/pipeline.js';
import { PIPELINE_SEARCH_LIMIT, searchPipelines, type PipelineSample, type PipelineSearchResult } from '../../../src/devices/pipelineSearch.js';
import { WIEGAND_FORMATS, encodeWiegand, type WiegandFormat } from '../../../src/devices/wiegandFormats.js';

const dec = (hex: string, width = 0) => BigInt('0x' + hex).toString(10).padStart(width, '0');
const reversed = (hex: string) => (hex.match(/../g) ?? []).reverse().join('');

/**
 * A raw proxmark-style HID Prox value: a sentinel bit just above the message bits, and preamble
 * bit 37 for messages shorter than that.
 */
function rawHidProx(format: WiegandFormat, facility: number | null, card: number): string {
  const bits = encodeWiegand(format, facility, card);
  if (!bits.ok) throw new Error(bits.error);
  const preamble = format.length < 37 ? 1n << 37n : 0n;
  return (preamble | (1n << BigInt(format.length)) | BigInt('0b' + bits.value)).toString(16).toUpperCase();
}
const rawH10301 = (facility: number, card: number) => rawHidProx(WIEGAND_FORMATS.h10301, facility, card);

function search(samples: PipelineSample[], limit?: number): PipelineSearchResult {
  const result = searchPipelines(samples, limit);
  if (!result.ok) throw new Error(result.error);
  // Whatever it proposes really maps every sample.
  for (const { pipeline } of result.value.proposals) {
    for (const { raw, expected } of samples) expect(convertWithPipeline(pipeline, raw), `${pipeline} on ${raw}`).toEqual({ ok: true, value: expected });
  }
  expect(result.value.examined).toBeLessThanOrEqual(limit ?? PIPELINE_SEARCH_LIMIT);
  return result.value;
}

describe('learn a pipeline from samples (issue 6)', () => {
  it('UID-01 reversed bytes as decimal (3891977766) with a second card: reverse-bytes|hex2dec|pad:10, determined', () => {
    const result = search([
      { raw: '26DEFAE7', expected: '3891977766' },
      { raw: '04A23C1A', expected: dec(reversed('04A23C1A'), 10) },
    ]);
    expect(result.proposals[0]).toEqual({ pipeline: 'reverse-bytes|hex2dec|pad:10', steps: 3 });
    expect(result.ambiguous).toBe(false);
  });

  it('UID-01 as the ACT serial 0652147431 (big-endian decimal, 10 digits): hex2dec|pad:10', () => {
    const result = search([
      { raw: '26DEFAE7', expected: '0652147431' },
      { raw: '04A23C1A', expected: dec('04A23C1A', 10) },
    ]);
    expect(result.proposals.map((p) => p.pipeline)).toEqual(['hex2dec|pad:10']);
    expect(result.ambiguous).toBe(false);
  });

  it('a Wiegand 26-bit raw value (WG-02 2006F623AE, WG-04) to its card-number field: wiegand:h10301:card', () => {
    const result = search([
      { raw: '2006F623AE', expected: '4567' },
      { raw: rawH10301(42, 69), expected: '69' },
    ]);
    expect(result.proposals).toEqual([{ pipeline: 'wiegand:h10301:card', steps: 1 }]);
    expect(result.ambiguous).toBe(false);
  });

  it('the same raw values to their facility codes: wiegand:h10301:facility', () => {
    const result = search([
      { raw: '2006F623AE', expected: '123' },
      { raw: rawH10301(42, 69), expected: '42' },
    ]);
    expect(result.proposals[0]?.pipeline).toBe('wiegand:h10301:facility');
  });

  it('H10302 37-bit raw values whose card numbers need more than 19 bits: wiegand:h10302:card, determined', () => {
    const result = search([
      { raw: rawHidProx(WIEGAND_FORMATS.h10302, null, 12345678901), expected: '12345678901' },
      { raw: rawHidProx(WIEGAND_FORMATS.h10302, null, 9876543210), expected: '9876543210' },
    ]);
    expect(result.proposals).toEqual([{ pipeline: 'wiegand:h10302:card', steps: 1 }]);
    expect(result.ambiguous).toBe(false);
  });

  it('37-bit card numbers under 2^19 do not tell H10302 from H10304 (facility 0): both proposed, ambiguous', () => {
    const result = search([
      { raw: rawHidProx(WIEGAND_FORMATS.h10302, null, 123456), expected: '123456' },
      { raw: rawHidProx(WIEGAND_FORMATS.h10302, null, 4567), expected: '4567' },
    ]);
    expect(result.proposals.map((p) => p.pipeline)).toEqual(expect.arrayContaining(['wiegand:h10302:card', 'wiegand:h10304:card']));
    expect(result.ambiguous).toBe(true);
  });

  it('EM4100 modules (EM-01 and another fob): substr:2|hex2dec|pad:10, determined', () => {
    const result = search([
      { raw: '010063E9AE', expected: '0006547886' },
      { raw: '1A2B3C4D5E', expected: dec('2B3C4D5E', 10) },
    ]);
    expect(result.proposals).toEqual([{ pipeline: 'substr:2|hex2dec|pad:10', steps: 3 }]);
    expect(result.ambiguous).toBe(false);
  });

  it('reports ambiguity when the samples do not determine it: fobs whose version byte is 00 cannot tell hex2dec from substr:2|hex2dec', () => {
    const result = search([
      { raw: '000063E9AE', expected: '0006547886' },
      { raw: '000086F444', expected: '0008844356' },
    ]);
    expect(result.ambiguous).toBe(true);
    expect(result.proposals.map((p) => p.pipeline)).toEqual(expect.arrayContaining(['hex2dec|pad:10', 'substr:2|hex2dec|pad:10']));
    expect(result.proposals[0]?.pipeline).toBe('hex2dec|pad:10');
  });

  it('EM-01 and EM-10 (both with ID byte D1 = 00) leave the window open: ambiguous until a card with D1 ≠ 00', () => {
    const open = search([
      { raw: '010063E9AE', expected: '0006547886' },
      { raw: '100086F444', expected: '0008844356' },
    ]);
    expect(open.ambiguous).toBe(true);
    const settled = search([
      { raw: '010063E9AE', expected: '0006547886' },
      { raw: '100086F444', expected: '0008844356' },
      { raw: '1A2B3C4D5E', expected: dec('2B3C4D5E', 10) },
    ]);
    expect(settled).toMatchObject({ proposals: [{ pipeline: 'substr:2|hex2dec|pad:10' }], ambiguous: false });
  });

  it('S-01: a TWN4 sending lower-case hex is normalised with hex', () => {
    expect(search([{ raw: '04a23c1a', expected: '04A23C1A' }, { raw: '26defae7', expected: '26DEFAE7' }]).proposals[0]?.pipeline).toBe('hex');
  });

  it('WG-15: a pcProx little-endian buffer A4 04 0A gives card 1188 with substr:0:4|reverse-bytes|hex2dec', () => {
    const result = search([{ raw: 'A4040A', expected: '1188' }, { raw: 'D7110C', expected: '4567' }]);
    expect(result.proposals).toEqual([{ pipeline: 'substr:0:4|reverse-bytes|hex2dec', steps: 3 }]);
  });

  it('WG-18: a Wiegand→RS-232 converter line 7B11D7 gives card 4567 with substr:2|hex2dec', () => {
    expect(search([{ raw: '7B11D7', expected: '4567' }, { raw: '2A0045', expected: '69' }]).proposals[0]?.pipeline).toBe('substr:2|hex2dec');
  });

  it('K-01: a keyboard reader already typing the number needs no steps', () => {
    expect(search([{ raw: '0006547886', expected: '0006547886' }, { raw: '0008844356', expected: '0008844356' }]).proposals[0]).toEqual({ pipeline: '', steps: 0 });
  });

  it('lists equivalent spellings once and proposes nothing when nothing fits', () => {
    const none = search([{ raw: 'ABCD', expected: 'hello' }, { raw: 'BCDE', expected: 'world' }]);
    expect(none).toMatchObject({ proposals: [], ambiguous: false });
    const pipelines = search([{ raw: '26DEFAE7', expected: '3891977766' }, { raw: '04A23C1A', expected: dec(reversed('04A23C1A'), 10) }]).proposals.map((p) => p.pipeline);
    expect(pipelines).not.toContain('reverse-bytes|hex2dec|strip-leading-zeros|pad:10');
  });

  it('stays within its bound and says so: a long record stops at the limit and is reported ambiguous', () => {
    const long = (seed: string) => seed.repeat(32);
    const result = search([{ raw: long('01234567'), expected: '1' }, { raw: long('12345678'), expected: '2' }], 300);
    expect(result.examined).toBe(300);
    expect(result.ambiguous).toBe(true);
  });

  it('the longest records allowed finish within the default bound', () => {
    const raw = (c: string) => c.repeat(256);
    expect(search([{ raw: raw('A'), expected: '1' }, { raw: raw('B'), expected: '2' }]).examined).toBeLessThanOrEqual(PIPELINE_SEARCH_LIMIT);
  });

  it('is deterministic', () => {
    const samples = [{ raw: '000063E9AE', expected: '0006547886' }, { raw: '000086F444', expected: '0008844356' }];
    expect(searchPipelines(samples)).toEqual(searchPipelines(samples));
  });

  it.each([
    [[], 'give 1 to 5 samples'],
    [[{ raw: '', expected: '1' }], 'sample 1: the record must be 1 to 256 characters'],
    [[{ raw: 'AB', expected: '1' }, { raw: 'AB', expected: '2' }], 'the same record "AB" cannot give two different numbers'],
    [[{ raw: 'AB', expected: 'two words' }], 'sample 1: the expected number must be 1 to 64 visible characters'],
  ])('refuses bad samples %j', (samples, message) => {
    expect(searchPipelines(samples)).toEqual({ ok: false, error: expect.stringContaining(message) });
  });
});
