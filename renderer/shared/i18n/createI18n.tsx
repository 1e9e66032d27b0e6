import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/** What every face's translation context holds; each face adds its own tools (t, formatters). */
export interface I18nBase<L extends string> {
  readonly language: L;
  setLanguage(language: L): void;
}

export interface I18nFace<L extends string, I extends I18nBase<L>> {
  I18nProvider(props: { readonly initial: L; readonly children: ReactNode }): ReactNode;
  useI18n(): I;
}

/**
 * One translation context for a face (kiosk, admin console, user web interface): the language in
 * state, `<html lang>` kept in step so screen readers pronounce the words right, and the face's
 * tools made once per language. `onLanguage` runs after each change (remember it, retitle the page).
 */
export function createI18n<L extends string, I extends I18nBase<L>>(options: {
  readonly tools: (language: L) => Omit<I, keyof I18nBase<L>>;
  readonly onLanguage?: (i18n: I) => void;
}): I18nFace<L, I> {
  const Context = createContext<I | null>(null);
  function I18nProvider(props: { readonly initial: L; readonly children: ReactNode }) {
    const [language, setLanguage] = useState<L>(props.initial);
    const value = useMemo(() => ({ ...options.tools(language), language, setLanguage }) as I, [language]);
    useEffect(() => {
      document.documentElement.lang = value.language;
      options.onLanguage?.(value);
    }, [value]);
    return <Context.Provider value={value}>{props.children}</Context.Provider>;
  }
  function useI18n(): I {
    const i18n = useContext(Context);
    if (!i18n) throw new Error('useI18n() outside <I18nProvider>');
    return i18n;
  }
  return { I18nProvider, useI18n };
}
