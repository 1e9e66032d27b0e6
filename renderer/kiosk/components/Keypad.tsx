import { useEffect, useRef, type PointerEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { onKeypadInput } from './keypadInput.js';

export interface KeypadProps {
  /** Accessible name of the keypad group (ID number or PIN). */
  readonly label: string;
  readonly onDigit: (digit: string) => void;
  readonly onBackspace: () => void;
  readonly onClear: () => void;
  readonly onOk: () => void;
  readonly okDisabled?: boolean;
  readonly okLabel?: string;
}

const DIGIT_ROWS = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']] as const;

/**
 * The on-screen keypad (no physical keyboard is needed). A keyboard works it as well: Tab to a key
 * and press Enter or Space, or type digits, Backspace and Enter (see keypadInput.ts). Buttons never
 * take focus from a pointer press so a wedge swipe is never typed into a control.
 */
export function Keypad(props: KeypadProps) {
  const { t } = useI18n();
  const latest = useRef(props);
  latest.current = props;
  // A physical keyboard works the keypad too: digits, Backspace, and Enter for OK.
  useEffect(
    () =>
      onKeypadInput((input) => {
        const keypad = latest.current;
        if (input.kind === 'text') for (const char of input.text) if (/^[0-9]$/.test(char)) keypad.onDigit(char);
        if (input.kind === 'key' && input.key === 'Backspace') keypad.onBackspace();
        if (input.kind === 'key' && input.key === 'Enter' && !keypad.okDisabled) keypad.onOk();
      }),
    [],
  );
  const press = (action: () => void) => ({
    onPointerDown: (event: PointerEvent) => event.preventDefault(),
    onClick: action,
  });
  return (
    <div className="keypad" role="group" aria-label={props.label}>
      {DIGIT_ROWS.flat().map((digit) => (
        <button key={digit} type="button" className="key key-digit" {...press(() => props.onDigit(digit))}>
          {digit}
        </button>
      ))}
      <button type="button" className="key key-aux" {...press(props.onClear)}>
        {t('keypad.clear')}
      </button>
      <button type="button" className="key key-digit" {...press(() => props.onDigit('0'))}>
        0
      </button>
      <button type="button" className="key key-aux" aria-label={t('keypad.backspace')} {...press(props.onBackspace)}>
        <span aria-hidden="true">⌫</span>
      </button>
      <button
        type="button"
        className="key key-ok"
        disabled={props.okDisabled}
        {...press(props.onOk)}
      >
        {props.okLabel ?? t('common.ok')}
      </button>
    </div>
  );
}
