import { createI18n, type I18nBase } from '../../shared/i18n/createI18n.js';
import { CATALOGUES, isLanguage, type Language } from './catalogues.js';
import type { MessageKey, Messages } from './messages.js';

export interface I18n extends I18nBase<Language> {
  t<K extends MessageKey>(key: K): Messages[K];
  /** Date and time in the browser's time zone, in the language's own format. */
  formatDateTime(epochMs: number): string;
  formatNumber(value: number): string;
}

const STORAGE_KEY = 'badgekiosk.admin.language';

/** The language chosen last time in this browser, else the browser's own, else English. */
export function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored && isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

export const { I18nProvider, useI18n } = createI18n<Language, I18n>({
  tools: (language) => {
    const catalogue = CATALOGUES[language];
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });
    const number = new Intl.NumberFormat(language);
    return {
      t: (key) => catalogue[key],
      formatDateTime: (epochMs) => dateTime.format(new Date(epochMs)),
      formatNumber: (value) => number.format(value),
    };
  },
  onLanguage: (i18n) => {
    window.localStorage.setItem(STORAGE_KEY, i18n.language);
    document.title = i18n.t('app.title');
  },
});
