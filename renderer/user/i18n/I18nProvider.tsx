import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { de } from './de.js';
import { en, type Catalogue, type MessageKey } from './en.js';
import { fr } from './fr.js';

export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, de, fr };
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', de: 'Deutsch', fr: 'Français' };

export interface I18n {
  readonly language: Language;
  setLanguage(language: Language): void;
  /** The message, with {name} placeholders filled in. */
  t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string;
  has(key: string): key is MessageKey;
  formatDateTime(epochMs: number): string;
}

const I18nContext = createContext<I18n | null>(null);

/** The browser's first supported language, else English. */
export function preferredLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0] as Language;
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

export function I18nProvider(props: { readonly initial: Language; readonly children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(props.initial);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => {
    const catalogue = CATALOGUES[language];
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      language,
      setLanguage,
      t: (key, values) => catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole)),
      has: (key): key is MessageKey => Object.prototype.hasOwnProperty.call(catalogue, key),
      formatDateTime: (epochMs) => dateTime.format(new Date(epochMs)),
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() outside <I18nProvider>');
  return i18n;
}
