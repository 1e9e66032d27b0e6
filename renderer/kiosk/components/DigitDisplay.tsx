import { useI18n } from '../i18n/I18nProvider.js';

/** Past this many characters the display uses a smaller size and wraps instead of running off. */
const LONG_VALUE = 12;

/**
 * What has been typed so far: PINs as dots only (never the digits, not even to screen readers),
 * ID numbers in clear. A live region announces the count so blind users hear each press land,
 * and says so when the keypad takes no more digits (a press past the maximum does nothing).
 */
export function DigitDisplay(props: { readonly value: string; readonly masked: boolean; readonly label: string; readonly maxLength: number }) {
  const { t } = useI18n();
  const full = props.value.length >= props.maxLength;
  return (
    <div className={`digit-display${props.value.length > LONG_VALUE ? ' digit-display-long' : ''}`} role="status" aria-label={props.label}>
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
      {full ? (
        <span className="digit-display-full" data-testid="digits-full">
          {t('keypad.maxReached')(props.maxLength)}
        </span>
      ) : null}
    </div>
  );
}
