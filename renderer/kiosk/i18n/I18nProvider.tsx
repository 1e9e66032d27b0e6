import { createI18n, type I18nBase } from '../../shared/i18n/createI18n.js';
import { CATALOGUES, type Language } from './catalogues.js';
import type { MessageKey, Messages } from './messages.js';

export interface I18n extends I18nBase<Language> {
  t<K extends MessageKey>(key: K): Messages[K];
  /** Clock time in the kiosk's local time zone, in the language's own format. */
  formatTime(epochMs: number): string;
}

export const { I18nProvider, useI18n } = createI18n<Language, I18n>({
  tools: (language) => {
    const catalogue = CATALOGUES[language];
    const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
    return { t: (key) => catalogue[key], formatTime: (epochMs) => time.format(new Date(epochMs)) };
  },
});
