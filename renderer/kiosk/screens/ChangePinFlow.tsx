import { useState } from 'react';
import { contractError } from '../../../src/contract/contractError.js';
import { validatePinPolicy } from '../../../src/core/pinPolicy.js';
import type { CallResult, FlowCallbacks } from '../app/flowTypes.js';
import { pinPolicyText, type PinLengths } from '../app/inlineProblem.js';
import { noticeFromError } from '../app/notice.js';
import { DoneScreen } from '../components/DoneScreen.js';
import { KeypadScreen } from '../components/KeypadScreen.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface ChangePinFlowProps extends FlowCallbacks {
  readonly lengths: PinLengths;
  /** The first step alone: is this the current PIN? (counts towards the lockout like any PIN). */
  readonly checkCurrent: (currentPin: string) => Promise<CallResult>;
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

/**
 * Current PIN, new PIN, new PIN again, each checked as soon as it is typed: the current PIN by the
 * host, the new PIN against the policy (the same pure rules the host applies), the repeat against
 * the new one. A refusal is explained in words on the step that failed, and only that step repeats.
 */
export function ChangePinFlow(props: ChangePinFlowProps) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ name: 'current' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const common = {
    masked: true,
    fieldLabel: t('pinEntry.field'),
    keypadLabel: t('keypad.pinLabel'),
    maxLength: Math.max(props.lengths.max, 12),
    onCancel: props.onCancel,
    problem,
    busy,
  };

  /** A host refusal: a wrong current PIN stays on the current step, the rest on the new PIN. */
  const refused = (result: CallResult, current: string) => {
    if (result.ok) return;
    if (result.error.code === 'wrong-pin') {
      const left = result.error.details?.attemptsLeft;
      setProblem(typeof left === 'number' ? `${t('changePin.wrongCurrent')} ${t('error.wrongPin.attemptsLeft')(left)}` : t('changePin.wrongCurrent'));
      setStep({ name: 'current' });
      return;
    }
    const notice = noticeFromError(result.error);
    if (notice) props.onNotice(notice);
    else {
      setProblem(pinPolicyText(result.error, t, props.lengths));
      setStep({ name: 'new', current });
    }
  };

  const onCurrent = async (current: string) => {
    setProblem(null);
    setBusy(true);
    const result = await props.checkCurrent(current);
    setBusy(false);
    if (result.ok) setStep({ name: 'new', current });
    else refused(result, current);
  };

  const onNew = (current: string, next: string) => {
    const policy = validatePinPolicy(next, { minLength: props.lengths.min, maxLength: props.lengths.max }, current);
    if (!policy.ok) {
      setProblem(pinPolicyText(contractError('pin-policy', policy.error.message, policy.error.details), t, props.lengths));
      return;
    }
    setProblem(null);
    setStep({ name: 'confirm', current, next });
  };

  const onConfirm = async (current: string, next: string, confirm: string) => {
    if (confirm !== next) {
      setProblem(t('pinPolicy.mismatch'));
      setStep({ name: 'new', current });
      return;
    }
    setProblem(null);
    setBusy(true);
    const result = await props.submit(current, next, confirm);
    setBusy(false);
    if (result.ok) setStep({ name: 'done' });
    else refused(result, current);
  };

  switch (step.name) {
    case 'current':
      return (
        <KeypadScreen
          key="current"
          {...common}
          minLength={1}
          testId="screen-change-pin-current"
          lead={t('changePin.title')}
          title={t('changePin.current')}
          onSubmit={(current) => void onCurrent(current)}
        />
      );
    case 'new':
      return (
        <KeypadScreen
          key="new"
          {...common}
          minLength={props.lengths.min}
          testId="screen-change-pin-new"
          lead={t('changePin.title')}
          title={t('changePin.new')(props.lengths.min, props.lengths.max)}
          onSubmit={(next) => onNew(step.current, next)}
        />
      );
    case 'confirm':
      return (
        <KeypadScreen
          key="confirm"
          {...common}
          minLength={props.lengths.min}
          testId="screen-change-pin-confirm"
          lead={t('changePin.title')}
          title={t('changePin.confirm')}
          onSubmit={(confirm) => void onConfirm(step.current, step.next, confirm)}
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
