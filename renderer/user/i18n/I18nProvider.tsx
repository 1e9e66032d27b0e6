import { createI18n, type I18nBase } from '../../shared/i18n/createI18n.js';
import { de } from './de.js';
import { en, type Catalogue, type MessageKey } from './en.js';
import { fr } from './fr.js';

export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, de, fr };
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', de: 'Deutsch', fr: 'Français' };

export interface I18n extends I18nBase<Language> {
  /** The message, with {name} placeholders filled in. */
  t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string;
  has(key: string): key is MessageKey;
  formatDateTime(epochMs: number): string;
}

/** The browser's first supported language, else English. */
export function preferredLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0] as Language;
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

export const { I18nProvider, useI18n } = createI18n<Language, I18n>({
  tools: (language) => {
    const catalogue = CATALOGUES[language];
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      t: (key, values) => catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole)),
      has: (key): key is MessageKey => Object.prototype.hasOwnProperty.call(catalogue, key),
      formatDateTime: (epochMs) => dateTime.format(new Date(epochMs)),
    };
  },
});
