import { useId } from 'react';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from './catalogues.js';
import { useI18n } from './I18nProvider.js';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const id = useId();
  return (
    <span className="language-switch">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select id={id} value={language} onChange={(event) => isLanguage(event.target.value) && setLanguage(event.target.value)}>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </span>
  );
}
