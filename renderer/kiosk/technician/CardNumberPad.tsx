import { useState, type PointerEvent } from 'react';
import { DigitDisplay } from '../components/DigitDisplay.js';
import { Keypad } from '../components/Keypad.js';
import { useDigits } from '../components/useDigits.js';
import { useI18n } from '../i18n/I18nProvider.js';

const HEX_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/** Longest expected number the technician may type (a 20-byte UID in hex is 40 characters). */
const MAX_EXPECTED = 40;

/** The on-screen keypad for an expected Card/ID number: digits, and A–F for numbers printed in hex. */
export function CardNumberPad(props: { readonly label: string; readonly onSubmit: (value: string) => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const digits = useDigits(MAX_EXPECTED);
  const [hex, setHex] = useState(false);
  const noFocus = (event: PointerEvent) => event.preventDefault();
  return (
    <div className="card-number-pad" data-testid="card-number-pad">
      <div className="prompt">
        <p className="lead">{props.label}</p>
        <DigitDisplay value={digits.value} masked={false} label={props.label} maxLength={MAX_EXPECTED} />
        <div className="actions">
          <button type="button" className="button button-secondary" aria-pressed={hex} onClick={() => setHex(!hex)} onPointerDown={noFocus}>
            {t('tech.learn.hexLetters')}
          </button>
          <button type="button" className="button button-secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        </div>
        {hex ? (
          <div className="hex-keys" role="group" aria-label={t('tech.learn.hexLetters')}>
            {HEX_LETTERS.map((letter) => (
              <button key={letter} type="button" className="key key-digit" onPointerDown={noFocus} onClick={() => digits.add(letter)}>
                {letter}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <Keypad
        label={props.label}
        onDigit={digits.add}
        onBackspace={digits.backspace}
        onClear={digits.reset}
        okDisabled={digits.value.length === 0}
        onOk={() => {
          const value = digits.value;
          digits.reset();
          props.onSubmit(value);
        }}
      />
    </div>
  );
}
