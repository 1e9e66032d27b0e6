import fc from 'fast-check';
import { compilePipeline, convertWithPipeline, runPipeline, splitPipeline } from '../../../src/devices/pipeline.js';

function convert(pipeline: string, value: string): string {
  const result = convertWithPipeline(pipeline, value);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function refusal(pipeline: string): string {
  const result = compilePipeline(pipeline);
  if (result.ok) throw new Error(`pipeline ${pipeline} was accepted`);
  return result.error.message;
}

describe('card-number pipeline (readers.md §3.5)', () => {
  describe('UID-01 26 DE FA E7 (§6.4, ER10-X table)', () => {
    it.each([
      ['hex', '26DEFAE7'],
      ['hex|reverse-bytes', 'E7FADE26'],
      ['hex|hex2dec|pad:10', '0652147431'],
      ['hex|reverse-bytes|hex2dec', '3891977766'],
      ['hex|regex:^(.*)$|hex2dec|dec2hex|hex2dec', '652147431'],
    ])('%s gives %s', (pipeline, expected) => {
      expect(convert(pipeline, '26 DE FA E7')).toBe(expected);
    });

    it('the 5-byte view 26DEFAE700 is 166949742336', () => {
      expect(convert('hex2dec', '26DEFAE700')).toBe('166949742336');
    });
  });

  it.each([
    ['hex', '26 de fa e7', '26DEFAE7'],
    ['reverse-bytes', '26DEFAE7', 'E7FADE26'],
    ['hex2dec', '26DEFAE7', '652147431'],
    ['pad:10', '652147431', '0652147431'],
    ['dec2hex', '2490285352', '946EBD28'],
    ['hex2dec', '946EBD28', '2490285352'],
    ['ascii-hex', '3934364542443238', '946EBD28'],
    ['ascii-hex|hex2dec', '3934364542443238', '2490285352'],
    ['substr:2|hex2dec|pad:10', '010063E9AE', '0006547886'],
    ['regex:^;?(\\d+)|strip-leading-zeros', ';000123', '123'],
    ['strip-leading-zeros', '0000', '0'],
    ['substr:-8', '010063E9AE', '0063E9AE'],
    ['substr:0:3', '213,02000', '213'],
    ['regex:,(\\d+)$|strip-leading-zeros', '213,02000', '2000'],
    ['dec2hex|pad:8|substr:2:2|hex2dec', '13961168', '213'],
    ['dec2hex|substr:-4|hex2dec|pad:5', '13961168', '02000'],
    ['dec2hex', '13961168', 'D507D0'],
    ['wiegand:h10301', '2006F623AE', '123:4567'],
    ['wiegand:h10301:card', '2006F623AE', '4567'],
    ['wiegand:h10301:facility', '2006F623AE', '123'],
    ['wiegand:c1k35:card', '2E0EC00C87', '1603'],
    // H10302 CN 12345678901 with a sentinel bit above its 37 bits; no facility, so the bare step gives the card number.
    ['wiegand:h10302', '35BFB8386A', '12345678901'],
    ['wiegand:h10302:card', '35BFB8386A', '12345678901'],
    // One 37-bit message (readers.md §3.4's H10304 example), read by each 37-bit format.
    ['wiegand:h10304', '230393C481', '12345:123456'],
    ['wiegand:h10302', '230393C481', '6472458816'],
    ['hex2dec|pad:10', '00D507D0', '0013961168'],
  ])('worked example: %s on %s → %s', (pipeline, input, expected) => {
    expect(convert(pipeline, input)).toBe(expected);
  });

  it('keeps 7-byte UIDs exact with BigInt (04A23C1A5B6D80 reversed → 36149035068596740)', () => {
    expect(convert('reverse-bytes|hex2dec', '04A23C1A5B6D80')).toBe('36149035068596740');
  });

  it('pad never truncates a longer value', () => {
    expect(convert('pad:4', '123456')).toBe('123456');
  });

  it('splits steps on top-level | only, so a regex group may alternate', () => {
    expect(splitPipeline('regex:^(?:A|B)(\\d+)|pad:8')).toEqual(['regex:^(?:A|B)(\\d+)', 'pad:8']);
    expect(splitPipeline('regex:[|](\\d+)|hex2dec')).toEqual(['regex:[|](\\d+)', 'hex2dec']);
    expect(convert('regex:^(?:A|B)(\\d+)|pad:8', 'B123')).toBe('00000123');
  });

  it('the empty pipeline passes the record through', () => {
    expect(convert('', '0006547886')).toBe('0006547886');
  });

  describe('refuses a bad pipeline at configuration time, naming the step and the reason', () => {
    it.each([
      ['hex2dec|pad:x', 'step 2 (pad:x): pad needs a width from 1 to 64, e.g. pad:10'],
      ['hex|frobnicate', 'step 2 (frobnicate): unknown step "frobnicate"'],
      ['hex||hex2dec', 'step 2 (): empty step'],
      ['wiegand:h99999', 'step 1 (wiegand:h99999): wiegand needs a format: one of h10301, h10306, c1k35, h10304, h10302'],
      ['hex|wiegand:h10302:facility', 'step 2 (wiegand:h10302:facility): h10302 has no facility field (it carries only the card number): use wiegand:h10302:card'],
      ['wiegand:h10301:site', 'step 1 (wiegand:h10301:site): wiegand field must be facility or card'],
      ['substr:a', 'step 1 (substr:a): substr needs a start'],
      ['hex2dec:16', 'step 1 (hex2dec:16): hex2dec takes no argument'],
      ['regex:(unclosed', 'step 1 (regex:(unclosed): invalid regular expression'],
      ['regex:^(\\d+)+$', 'catastrophic backtracking'],
      ['regex:^(a|ab)*$', 'catastrophic backtracking'],
      ['regex:(\\d)\\1', 'back-references are not allowed'],
    ])('%s', (pipeline, message) => {
      expect(refusal(pipeline)).toContain(message);
    });
  });

  it('treats configuration as data: code-like text is refused, never run', () => {
    const marker = globalThis as { pwned?: boolean };
    expect(refusal('hex|globalThis.pwned=true')).toContain('unknown step "globalThis.pwned=true"');
    expect(refusal("hex|eval:globalThis.pwned=true")).toContain('unknown step "eval"');
    expect(marker.pwned).toBeUndefined();
  });

  it('names the failing step and its input when a value cannot be converted', () => {
    const compiled = compilePipeline('hex|hex2dec|wiegand:h10301');
    if (!compiled.ok) throw new Error(compiled.error.message);
    expect(runPipeline(compiled.value, 'ZZ')).toMatchObject({ ok: false, error: { step: 1, stepText: 'hex' } });
    expect(convertWithPipeline('wiegand:h10301', '2006F623AF')).toMatchObject({ ok: false, error: { step: 1, reason: expect.stringMatching(/parity invalid/) } });
    expect(convertWithPipeline('hex|wiegand:h10302', '35BFB8386B')).toEqual({
      ok: false,
      error: expect.objectContaining({ step: 2, reason: 'h10302 parity invalid: odd parity bit at position 36 does not match' }),
    });
  });

  it('round-trips dec2hex|hex2dec for any non-negative integer, beyond 2^53', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (n) => {
        expect(convert('dec2hex|hex2dec', n.toString())).toBe(n.toString());
      }),
    );
  });

  it('round-trips hex2dec|dec2hex for whole-byte hex without leading zero bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 16 }).filter((b) => b[0] !== 0), (b) => {
        const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join('');
        expect(convert('hex2dec|dec2hex', hex)).toBe(hex);
      }),
    );
  });

  it('reverse-bytes twice is the identity', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 10 }), (b) => {
        const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join('');
        expect(convert('reverse-bytes|reverse-bytes', hex)).toBe(hex);
      }),
    );
  });
});
