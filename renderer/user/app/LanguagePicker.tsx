import { LANGUAGE_NAMES, LANGUAGES, useI18n, type Language } from '../i18n/I18nProvider.js';

export function LanguagePicker() {
  const i18n = useI18n();
  return (
    <label className="language">
      <span>{i18n.t('language')}</span>
      <select value={i18n.language} onChange={(event) => i18n.setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
