import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CATALOGUES, isLanguage, type Language } from './catalogues.js';
import type { MessageKey, Messages } from './messages.js';

export interface I18n {
  readonly language: Language;
  setLanguage(language: Language): void;
  t<K extends MessageKey>(key: K): Messages[K];
  /** Date and time in the browser's time zone, in the language's own format. */
  formatDateTime(epochMs: number): string;
  formatNumber(value: number): string;
}

const STORAGE_KEY = 'badgekiosk.admin.language';
const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored && isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

export function I18nProvider(props: { readonly children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    window.localStorage.setItem(STORAGE_KEY, language);
  }, [language]);
  const value = useMemo<I18n>(() => {
    const catalogue = CATALOGUES[language];
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });
    const number = new Intl.NumberFormat(language);
    return {
      language,
      setLanguage,
      t: (key) => catalogue[key],
      formatDateTime: (epochMs) => dateTime.format(new Date(epochMs)),
      formatNumber: (value) => number.format(value),
    };
  }, [language]);
  useEffect(() => {
    document.title = value.t('app.title');
  }, [value]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() outside <I18nProvider>');
  return i18n;
}
