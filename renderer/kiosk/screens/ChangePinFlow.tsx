import { useState } from 'react';
import type { CallResult, FlowCallbacks } from '../app/flowTypes.js';
import { pinPolicyText, type PinLengths } from '../app/inlineProblem.js';
import { noticeFromError } from '../app/notice.js';
import { DoneScreen } from '../components/DoneScreen.js';
import { KeypadScreen } from '../components/KeypadScreen.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface ChangePinFlowProps extends FlowCallbacks {
  readonly lengths: PinLengths;
  readonly submit: (currentPin: string, newPin: string, confirmPin: string) => Promise<CallResult>;
  readonly onDone: () => void;
  /** Enrolled kiosk whose central store is not answering: the change is queued, say so. */
  readonly queued?: boolean;
}

type Step =
  | { readonly name: 'current' }
  | { readonly name: 'new'; readonly current: string }
  | { readonly name: 'confirm'; readonly current: string; readonly next: string }
  | { readonly name: 'done' };

/** Current PIN, new PIN, new PIN again; refusals of the policy are explained and the flow restarts. */
export function ChangePinFlow(props: ChangePinFlowProps) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ name: 'current' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const common = {
    masked: true,
    fieldLabel: t('pinEntry.field'),
    keypadLabel: t('keypad.pinLabel'),
    minLength: 1,
    maxLength: Math.max(props.lengths.max, 12),
    onCancel: props.onCancel,
    busy,
  };

  const submit = async (current: string, next: string, confirm: string) => {
    setStep({ name: 'current' });
    setBusy(true);
    const result = await props.submit(current, next, confirm);
    setBusy(false);
    if (result.ok) {
      setStep({ name: 'done' });
      return;
    }
    const notice = noticeFromError(result.error);
    if (notice) props.onNotice(notice);
    else setProblem(pinPolicyText(result.error, t, props.lengths));
  };

  switch (step.name) {
    case 'current':
      return (
        <KeypadScreen
          key="current"
          {...common}
          testId="screen-change-pin-current"
          lead={t('changePin.title')}
          title={t('changePin.current')}
          problem={problem}
          onSubmit={(current) => {
            setProblem(null);
            setStep({ name: 'new', current });
          }}
        />
      );
    case 'new':
      return (
        <KeypadScreen
          key="new"
          {...common}
          testId="screen-change-pin-new"
          lead={t('changePin.title')}
          title={t('changePin.new')(props.lengths.min, props.lengths.max)}
          onSubmit={(next) => setStep({ name: 'confirm', current: step.current, next })}
        />
      );
    case 'confirm':
      return (
        <KeypadScreen
          key="confirm"
          {...common}
          testId="screen-change-pin-confirm"
          lead={t('changePin.title')}
          title={t('changePin.confirm')}
          onSubmit={(confirm) => void submit(step.current, step.next, confirm)}
        />
      );
    case 'done':
      return (
        <DoneScreen testId="screen-change-pin-done" title={t('changePin.done')} onDone={props.onDone}>
          {props.queued ? <p className="info">{t('changePin.queued')}</p> : null}
        </DoneScreen>
      );
    default: {
      const never: never = step;
      return never;
    }
  }
}
