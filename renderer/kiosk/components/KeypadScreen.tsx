import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { DigitDisplay } from './DigitDisplay.js';
import { Keypad } from './Keypad.js';
import { useDigits } from './useDigits.js';
import { ScreenTitle } from './ScreenTitle.js';

export interface KeypadScreenProps {
  readonly title: string;
  /** Greeting or explanation above the title. */
  readonly lead?: ReactNode;
  /** An inline problem with the last entry (policy refused, numbers differ); announced at once. */
  readonly problem?: string | null;
  readonly masked: boolean;
  readonly fieldLabel: string;
  readonly keypadLabel: string;
  readonly minLength: number;
  readonly maxLength: number;
  readonly onSubmit: (digits: string) => void;
  readonly onCancel: () => void;
  readonly busy?: boolean;
  readonly testId: string;
}

/**
 * One screen of digit entry: prompt and display beside the keypad (landscape) or above it
 * (portrait). The digits live here only until OK; the screen forgets them on submit.
 */
export function KeypadScreen(props: KeypadScreenProps) {
  const { t } = useI18n();
  const digits = useDigits(props.maxLength);
  const submit = () => {
    const value = digits.current();
    if (value.length < props.minLength || props.busy) return;
    digits.reset();
    props.onSubmit(value);
  };
  return (
    <section className="screen keypad-screen" aria-labelledby={`${props.testId}-title`} data-testid={props.testId}>
      <div className="prompt">
        {props.lead ? <p className="lead">{props.lead}</p> : null}
        <ScreenTitle id={`${props.testId}-title`}>{props.title}</ScreenTitle>
        <DigitDisplay value={digits.value} masked={props.masked} label={props.fieldLabel} maxLength={props.maxLength} />
        {props.problem ? (
          <p className="problem" role="alert">
            {props.problem}
          </p>
        ) : null}
        <button type="button" className="button button-secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <Keypad
        label={props.keypadLabel}
        onDigit={digits.add}
        onBackspace={digits.backspace}
        onClear={digits.reset}
        onOk={submit}
        okDisabled={digits.value.length < props.minLength || props.busy === true}
      />
    </section>
  );
}
