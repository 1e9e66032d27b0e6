import { useState } from 'react';
import type { CallResult, FlowCallbacks } from '../app/flowTypes.js';
import { pinPolicyText, type PinLengths } from '../app/inlineProblem.js';
import { noticeFromError } from '../app/notice.js';
import { KeypadScreen } from '../components/KeypadScreen.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface FirstPinFlowProps extends FlowCallbacks {
  readonly lengths: PinLengths;
  readonly submit: (pin: string, confirmPin: string) => Promise<CallResult>;
}

/** First login: choose a PIN, then type it again; a policy refusal restarts with the reason in words. */
export function FirstPinFlow(props: FirstPinFlowProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [first, setFirst] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onConfirm = async (confirmPin: string) => {
    const pin = first ?? '';
    setFirst(null);
    setBusy(true);
    const result = await props.submit(pin, confirmPin);
    setBusy(false);
    if (result.ok) return;
    const notice = noticeFromError(result.error);
    if (notice) props.onNotice(notice);
    else setProblem(pinPolicyText(result.error, t, props.lengths));
  };

  const common = {
    masked: true,
    fieldLabel: t('pinEntry.field'),
    keypadLabel: t('keypad.pinLabel'),
    minLength: 1,
    maxLength: props.lengths.max,
    onCancel: props.onCancel,
    busy,
  };
  return first === null ? (
    <KeypadScreen
      key="first"
      {...common}
      testId="screen-first-pin"
      lead={t('firstPin.intro')(props.lengths.min, props.lengths.max)}
      title={t('firstPin.title')}
      problem={problem}
      onSubmit={(pin) => {
        setProblem(null);
        setFirst(pin);
      }}
    />
  ) : (
    <KeypadScreen key="confirm" {...common} testId="screen-first-pin-confirm" title={t('firstPin.confirm')} onSubmit={onConfirm} />
  );
}
