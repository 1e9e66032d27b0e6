import { useI18n } from '../i18n/I18nProvider.js';

/**
 * What has been typed so far: PINs as dots only (never the digits, not even to screen readers),
 * ID numbers in clear. A live region announces the count so blind users hear each press land.
 */
export function DigitDisplay(props: { readonly value: string; readonly masked: boolean; readonly label: string }) {
  const { t } = useI18n();
  return (
    <div className="digit-display" role="status" aria-label={props.label}>
      <span className="visually-hidden">{t('keypad.digitsEntered')(props.value.length)}</span>
      {props.masked ? (
        <span className="pin-dots" aria-hidden="true" data-testid="pin-dots">
          {Array.from(props.value, (_, i) => (
            <span key={i} className="pin-dot" />
          ))}
        </span>
      ) : (
        <span className="typed-number" aria-hidden="true" data-testid="typed-number">
          {props.value}
        </span>
      )}
    </div>
  );
}
