import { validatePinPolicy, type DomainError, type Result } from '../../../src/core/index.js';

const policy = { minLength: 4, maxLength: 8 };

function ruleOf(result: Result<void, DomainError>): unknown {
  return result.ok ? 'accepted' : result.error.details?.rule;
}

describe('PIN policy', () => {
  it('accepts a PIN of digits within the length range', () => {
    expect(validatePinPolicy('2580', policy)).toEqual({ ok: true, value: undefined });
    expect(validatePinPolicy('73915824', policy).ok).toBe(true);
  });

  it('refuses anything but digits', () => {
    expect(ruleOf(validatePinPolicy('12a4', policy))).toBe('digits-only');
    expect(ruleOf(validatePinPolicy(' 2580', policy))).toBe('digits-only');
    expect(ruleOf(validatePinPolicy('', policy))).toBe('digits-only');
  });

  it('refuses PINs shorter than pin.min-length or longer than pin.max-length', () => {
    expect(ruleOf(validatePinPolicy('258', policy))).toBe('min-length');
    expect(ruleOf(validatePinPolicy('739158246', policy))).toBe('max-length');
    expect(ruleOf(validatePinPolicy('25803', { minLength: 6, maxLength: 8 }))).toBe('min-length');
  });

  it('refuses a single repeated digit', () => {
    expect(ruleOf(validatePinPolicy('1111', policy))).toBe('all-same');
    expect(ruleOf(validatePinPolicy('000000', policy))).toBe('all-same');
  });

  it('refuses straight ascending and descending runs', () => {
    expect(ruleOf(validatePinPolicy('1234', policy))).toBe('sequence');
    expect(ruleOf(validatePinPolicy('9876', policy))).toBe('sequence');
    expect(ruleOf(validatePinPolicy('3456789', policy))).toBe('sequence');
    expect(validatePinPolicy('1235', policy).ok).toBe(true);
    expect(validatePinPolicy('8901', policy).ok).toBe(true);
  });

  it('refuses the current PIN as the new PIN', () => {
    expect(ruleOf(validatePinPolicy('2580', policy, '2580'))).toBe('same-as-current');
    expect(validatePinPolicy('2581', policy, '2580').ok).toBe(true);
  });

  it('explains in words with code pin-policy and never echoes the PIN', () => {
    const result = validatePinPolicy('97531', { minLength: 6, maxLength: 8 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('pin-policy');
    expect(result.error.message).toBe('A PIN must have 6 to 8 digits.');
    expect(JSON.stringify(result.error)).not.toContain('97531');
  });
});
