import { defaultConfigValues, validateConfigChange, type ConfigValues } from '../../../src/core/index.js';

const defaults = defaultConfigValues();
const messageOf = (result: { ok: boolean; error?: string }) => (result.ok ? 'accepted' : result.error);

describe('configuration changes', () => {
  it('accepts a valid value and returns it typed', () => {
    expect(validateConfigChange('user.can-change-card-id.num-times-per-day', '5', defaults)).toEqual({
      ok: true,
      value: { name: 'user.can-change-card-id.num-times-per-day', value: 5 },
    });
    expect(validateConfigChange('user.change-card-id.which', 'secondary', defaults).ok).toBe(true);
    expect(validateConfigChange('site.timezone', 'Europe/Berlin', defaults).ok).toBe(true);
    expect(validateConfigChange('auth.allow-new-pin-for-typed-id', true, defaults).ok).toBe(true);
  });

  it('refuses an unknown key, naming it and how to list the valid keys', () => {
    expect(messageOf(validateConfigChange('pin.colour', 'blue', defaults))).toBe(
      'Unknown configuration key "pin.colour". Run `badgekiosk config list` to see the valid keys.',
    );
  });

  it('refuses a bad value, naming the key and the allowed range', () => {
    expect(messageOf(validateConfigChange('auth.lockout-minutes', '0', defaults))).toBe(
      'Invalid value "0" for auth.lockout-minutes: expected an integer from 1 to 1440.',
    );
    expect(messageOf(validateConfigChange('user.change-card-id.which', 'both', defaults))).toBe(
      'Invalid value "both" for user.change-card-id.which: expected one of primary, secondary.',
    );
    expect(messageOf(validateConfigChange('site.timezone', 'Mars/Base', defaults))).toContain('an IANA time zone name');
  });

  it('keeps pin.min-length at most pin.max-length', () => {
    expect(messageOf(validateConfigChange('pin.min-length', '9', defaults))).toBe(
      'Invalid value "9" for pin.min-length: pin.min-length must be at most pin.max-length (pin.max-length is 8); expected an integer from 4 to 8.',
    );
    expect(validateConfigChange('pin.min-length', '8', defaults).ok).toBe(true);
    const longer: ConfigValues = { ...defaults, 'pin.min-length': 6 };
    expect(messageOf(validateConfigChange('pin.max-length', '5', longer))).toContain('expected an integer from 6 to 12');
  });

  it('keeps card-id.min-length at most card-id.max-length', () => {
    expect(validateConfigChange('card-id.max-length', '3', defaults).ok).toBe(false);
    expect(validateConfigChange('card-id.max-length', '4', defaults).ok).toBe(true);
  });

  it('keeps kiosk.idle-warning-seconds below kiosk.idle-timeout-seconds', () => {
    expect(messageOf(validateConfigChange('kiosk.idle-warning-seconds', '60', defaults))).toContain(
      'kiosk.idle-warning-seconds must be less than kiosk.idle-timeout-seconds',
    );
    expect(validateConfigChange('kiosk.idle-warning-seconds', '59', defaults).ok).toBe(true);
    expect(validateConfigChange('kiosk.idle-timeout-seconds', '10', defaults).ok).toBe(false);
    expect(validateConfigChange('kiosk.idle-timeout-seconds', '11', defaults).ok).toBe(true);
  });
});
