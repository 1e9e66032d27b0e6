import { validateCardNumberSyntax, validateManualCardNumber } from '../../../src/core/index.js';

const lengths = { minLength: 4, maxLength: 10 };

describe('typed Card/ID numbers', () => {
  it('accepts digits within card-id.min-length..max-length, keeping leading zeros', () => {
    expect(validateManualCardNumber('00421337', lengths)).toEqual({ ok: true, value: '00421337' });
    expect(validateManualCardNumber(' 4213 ', lengths)).toEqual({ ok: true, value: '4213' });
  });

  it('refuses letters, blanks and lengths out of range with invalid-card-number', () => {
    for (const bad of ['12a45', '', '   ', '123', '12345678901', '12 34']) {
      const result = validateManualCardNumber(bad, lengths);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid-card-number');
    }
    const short = validateManualCardNumber('123', lengths);
    expect(!short.ok && short.error.message).toBe('A Card/ID number must have 4 to 10 digits.');
  });
});

describe('card number syntax from readers, CSV and CLI', () => {
  it('accepts letters and digits (hex UIDs) and trims', () => {
    expect(validateCardNumberSyntax(' 04A1B2C3D4E5F6 ')).toEqual({ ok: true, value: '04A1B2C3D4E5F6' });
  });

  it('refuses punctuation, empty and over-long input', () => {
    expect(validateCardNumberSyntax('12-34').ok).toBe(false);
    expect(validateCardNumberSyntax('').ok).toBe(false);
    expect(validateCardNumberSyntax('1'.repeat(65)).ok).toBe(false);
    expect(validateCardNumberSyntax('1'.repeat(64)).ok).toBe(true);
  });
});

describe('card numbers arriving as something other than text', () => {
  it('are refused as invalid-card-number rather than thrown on', () => {
    expect(validateCardNumberSyntax(12345 as unknown as string)).toMatchObject({ ok: false, error: { code: 'invalid-card-number' } });
    expect(validateManualCardNumber(null as unknown as string, lengths)).toMatchObject({ ok: false, error: { code: 'invalid-card-number' } });
  });
});
