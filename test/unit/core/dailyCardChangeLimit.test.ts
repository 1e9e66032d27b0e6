import { DAILY_LIMIT_MESSAGE, changesLeftToday, checkDailyCardChangeLimit } from '../../../src/core/index.js';

describe('daily Card/ID change limit', () => {
  it('allows the 3rd change of the day with the default limit of 3', () => {
    expect(checkDailyCardChangeLimit(2, 3)).toEqual({ ok: true, value: undefined });
  });

  it('refuses the 4th change with exactly the administrator message', () => {
    const result = checkDailyCardChangeLimit(3, 3);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('daily-limit');
    expect(result.error.message).toBe(
      'Your ID number has been changed too many times. Please contact your system administrator for assistance.',
    );
    expect(result.error.message).toBe(DAILY_LIMIT_MESSAGE);
  });

  it('refuses every change when the limit is 0', () => {
    expect(checkDailyCardChangeLimit(0, 0).ok).toBe(false);
  });

  it('counts the changes left, never below zero', () => {
    expect(changesLeftToday(0, 3)).toBe(3);
    expect(changesLeftToday(2, 3)).toBe(1);
    expect(changesLeftToday(5, 3)).toBe(0);
  });
});
