import { DAILY_LIMIT_MESSAGE } from '../../../src/core/domainError.js';
import { CATALOGUES, LANGUAGES } from '../../../renderer/kiosk/i18n/catalogues.js';
import { en } from '../../../renderer/kiosk/i18n/en.js';
import type { Messages } from '../../../renderer/kiosk/i18n/messages.js';

// Compile-time rule: a catalogue lacking a key does not type-check (`npm run typecheck` fails).
const { 'idle.title': _dropped, ...withoutIdleTitle } = en;
// @ts-expect-error a language without 'idle.title' is not a Messages catalogue
const incomplete: Messages = withoutIdleTitle;
void incomplete;

function sample(value: string | ((...args: never[]) => string)): string {
  if (typeof value === 'string') return value;
  // Parameterised texts take counts, lengths, names or times; any argument must give a sentence.
  return (value as (...args: unknown[]) => string)(2, 3);
}

describe('kiosk text catalogues', () => {
  it('the English daily-limit text is exactly the sentence DESIGN §3 prescribes', () => {
    expect(en['error.dailyLimit.body']).toBe(DAILY_LIMIT_MESSAGE);
    expect(en['error.dailyLimit.body']).toBe(
      'Your ID number has been changed too many times. Please contact your system administrator for assistance.',
    );
  });

  it.each(LANGUAGES)('%s has exactly the English keys, each a non-empty text', (language) => {
    const catalogue = CATALOGUES[language];
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(catalogue)) {
      expect(typeof value === 'string' || typeof value === 'function', key).toBe(true);
      expect(sample(value).trim().length, key).toBeGreaterThan(0);
    }
  });

  it('German and French are translations, not copies of the English texts', () => {
    for (const language of ['de', 'fr'] as const) {
      expect(CATALOGUES[language]['idle.title']).not.toBe(en['idle.title']);
      expect(CATALOGUES[language]['error.dailyLimit.body']).not.toBe(en['error.dailyLimit.body']);
    }
  });

  it('counted texts use singular and plural forms', () => {
    expect(en['error.wrongPin.attemptsLeft'](1)).toContain('1 attempt left');
    expect(en['error.wrongPin.attemptsLeft'](3)).toContain('3 attempts left');
  });
});
