import { useI18n } from '../i18n/I18nProvider.js';

/** The last seconds before idle logout, counted down on screen with a way to stay. */
export function IdleCountdown(props: { readonly secondsLeft: number; readonly onStay: () => void }) {
  const { t } = useI18n();
  return (
    <div className="idle-countdown" role="alertdialog" aria-labelledby="idle-countdown-text" data-testid="idle-countdown">
      <p id="idle-countdown-text" aria-live="assertive">
        {t('idle.countdown')(props.secondsLeft)}
      </p>
      <button type="button" className="button button-primary" onClick={props.onStay}>
        {t('idle.stay')}
      </button>
    </div>
  );
}
