import { CATALOGUES, LANGUAGE_NAMES, LANGUAGES } from '../i18n/catalogues.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ScreenTitle } from '../components/ScreenTitle.js';

/** The screen between people: swipe or tap, or type an ID number; pick a language, or high contrast and large text, first if needed. */
export function IdleScreen(props: {
  readonly onEnterId: () => void;
  readonly loggedOut?: boolean;
  readonly highContrast?: { readonly on: boolean; readonly toggle: () => void };
}) {
  const { t, language, setLanguage } = useI18n();
  return (
    <section className="screen idle-screen" aria-labelledby="idle-title" data-testid="screen-idle">
      <div className="card-prompt">
        <div className="card-icon" aria-hidden="true" />
        <ScreenTitle id="idle-title">{t('idle.title')}</ScreenTitle>
        {props.loggedOut ? (
          <p className="lead" role="status">
            {t('session.loggedOut')}
          </p>
        ) : null}
      </div>
      <p className="idle-or" aria-hidden="true">
        {t('idle.or')}
      </p>
      <button type="button" className="button button-primary button-large" onClick={props.onEnterId}>
        {t('idle.enterId')}
      </button>
      <div className="language-choice" role="group" aria-label={t('lang.label')}>
        {LANGUAGES.map((lang) => (
          <button
            key={lang}
            type="button"
            lang={lang}
            className="button button-language"
            aria-pressed={lang === language}
            // Each button names its language in that language, and says "Language" in it too.
            aria-label={`${CATALOGUES[lang]['lang.label']}: ${LANGUAGE_NAMES[lang]}`}
            onClick={() => setLanguage(lang)}
          >
            {LANGUAGE_NAMES[lang]}
          </button>
        ))}
      </div>
      {props.highContrast ? (
        <button type="button" className="button button-language button-contrast" aria-pressed={props.highContrast.on} onClick={props.highContrast.toggle}>
          {t('display.highContrast')}
        </button>
      ) : null}
    </section>
  );
}
