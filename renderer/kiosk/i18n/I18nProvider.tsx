import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { CATALOGUES, type Language } from './catalogues.js';
import type { MessageKey, Messages } from './messages.js';

export interface I18n {
  readonly language: Language;
  setLanguage(language: Language): void;
  t<K extends MessageKey>(key: K): Messages[K];
  /** Clock time in the kiosk's local time zone, in the language's own format. */
  formatTime(epochMs: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { readonly initial: Language; readonly children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(props.initial);
  const value = useMemo<I18n>(() => {
    const catalogue = CATALOGUES[language];
    const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
    return {
      language,
      setLanguage,
      t: (key) => catalogue[key],
      formatTime: (epochMs) => time.format(new Date(epochMs)),
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() outside <I18nProvider>');
  return i18n;
}
