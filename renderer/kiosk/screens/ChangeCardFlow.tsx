import { useState } from 'react';
import type { CardField } from '../../../src/core/user.js';
import type { CallResult, FlowCallbacks } from '../app/flowTypes.js';
import { cardProblemText } from '../app/inlineProblem.js';
import { noticeFromError } from '../app/notice.js';
import { DoneScreen } from '../components/DoneScreen.js';
import { KeypadScreen } from '../components/KeypadScreen.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ScreenTitle } from '../components/ScreenTitle.js';
import { QrCode } from '../components/QrCode.js';

export interface CardChangeOutcome {
  readonly cardNumber: string;
  readonly changesLeftToday: number;
}

export interface ChangeCardFlowProps extends FlowCallbacks {
  readonly field: CardField;
  readonly currentNumber: string | null;
  readonly changesLeftToday: number;
  /** `user.change-card-id.auto-generate-only` is off: the user may type a number. */
  readonly manualAllowed: boolean;
  readonly cardLengths: { readonly min: number; readonly max: number };
  readonly regenerate: () => Promise<CallResult<CardChangeOutcome>>;
  readonly setCard: (cardNumber: string) => Promise<CallResult<CardChangeOutcome>>;
  /** setCard's checks alone, so a typed number is refused before its confirmation screen. */
  readonly checkCard: (cardNumber: string) => Promise<CallResult>;
  readonly onDone: () => void;
}

type Step =
  | { readonly name: 'overview' }
  | { readonly name: 'confirm'; readonly typed: string | null }
  | { readonly name: 'type' }
  | { readonly name: 'result'; readonly outcome: CardChangeOutcome };

/**
 * Change the one Card/ID number field the configuration names: generate (or type, where allowed),
 * confirm, then show the new number large with the warning that the old one stops working.
 */
export function ChangeCardFlow(props: ChangeCardFlowProps) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ name: 'overview' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The new number as a QR code, on request: a phone scans it instead of the person writing it down.
  const [showQr, setShowQr] = useState(false);
  const limitReached = props.changesLeftToday <= 0;
  const backToOverview = () => {
    setProblem(null);
    setStep({ name: 'overview' });
  };

  const run = async (typed: string | null) => {
    setBusy(true);
    const result = typed === null ? await props.regenerate() : await props.setCard(typed);
    setBusy(false);
    if (result.ok) {
      setStep({ name: 'result', outcome: result.value });
      return;
    }
    const notice = noticeFromError(result.error);
    if (notice) {
      props.onNotice(notice);
      return;
    }
    setProblem(cardProblemText(result.error, t));
    setStep(typed === null ? { name: 'overview' } : { name: 'type' });
  };

  const checkTyped = async (typed: string) => {
    setProblem(null);
    setBusy(true);
    const result = await props.checkCard(typed);
    setBusy(false);
    if (result.ok) {
      setStep({ name: 'confirm', typed });
      return;
    }
    const notice = noticeFromError(result.error);
    if (notice) props.onNotice(notice);
    else setProblem(cardProblemText(result.error, t));
  };

  // Nothing left today: no way into a change that would only be refused after its confirmation.
  const choices = limitReached ? null : (
    <div className="actions">
      <button
        type="button"
        className="button button-primary button-large"
        onClick={() => {
          setProblem(null);
          setStep({ name: 'confirm', typed: null });
        }}
      >
        {t('changeCard.generate')}
      </button>
      {props.manualAllowed ? (
        <button
          type="button"
          className="button button-primary button-large"
          onClick={() => {
            setProblem(null);
            setStep({ name: 'type' });
          }}
        >
          {t('changeCard.type')}
        </button>
      ) : null}
    </div>
  );

  switch (step.name) {
    case 'overview':
      return (
        <section className="screen card-screen" aria-labelledby="card-title" data-testid="screen-change-card">
          <ScreenTitle id="card-title">{t('changeCard.title')}</ScreenTitle>
          <p className="lead">{t(props.field === 'primary' ? 'changeCard.field.primary' : 'changeCard.field.secondary')}</p>
          <p>
            {t('changeCard.current')}: <strong data-testid="current-card">{props.currentNumber ?? t('changeCard.none')}</strong>
          </p>
          {limitReached ? (
            <p className="problem" role="alert" data-testid="card-limit-reached">
              {t('error.dailyLimit.body')}
            </p>
          ) : (
            <p>{t('changeCard.changesLeft')(props.changesLeftToday)}</p>
          )}
          {problem ? (
            <p className="problem" role="alert">
              {problem}
            </p>
          ) : null}
          {choices}
          <button type="button" className="button button-secondary" onClick={props.onCancel}>
            {t('common.back')}
          </button>
        </section>
      );
    case 'type':
      return (
        <KeypadScreen
          testId="screen-change-card-type"
          title={t('changeCard.typeTitle')}
          lead={t('changeCard.typeLength')(props.cardLengths.min, props.cardLengths.max)}
          problem={problem}
          masked={false}
          fieldLabel={t('idEntry.field')}
          keypadLabel={t('keypad.idLabel')}
          minLength={props.cardLengths.min}
          maxLength={props.cardLengths.max}
          busy={busy}
          onCancel={backToOverview}
          onSubmit={(typed) => void checkTyped(typed)}
        />
      );
    case 'confirm':
      return (
        <section className="screen confirm-screen" aria-labelledby="card-confirm-title" data-testid="screen-change-card-confirm">
          <ScreenTitle id="card-confirm-title">{t('changeCard.confirmTitle')}</ScreenTitle>
          {step.typed !== null ? <p className="card-number-large">{step.typed}</p> : null}
          <p className="lead">{t('changeCard.confirmBody')}</p>
          <div className="actions">
            <button
              type="button"
              className="button button-primary button-large"
              disabled={busy}
              onClick={() => void run(step.typed)}
            >
              {t('changeCard.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={backToOverview}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      );
    case 'result':
      return (
        <DoneScreen testId="screen-change-card-result" title={t('changeCard.resultTitle')} onDone={props.onDone}>
          <div className="new-card">
            <p className="card-number-large" data-testid="new-card-number">
              {step.outcome.cardNumber}
            </p>
            {showQr ? <QrCode text={step.outcome.cardNumber} label={t('changeCard.qrLabel')} testId="new-card-qr" /> : null}
          </div>
          <p className="warning">{t('changeCard.oldStops')}</p>
          {showQr ? null : (
            <button type="button" className="button button-secondary" onClick={() => setShowQr(true)}>
              {t('changeCard.showQr')}
            </button>
          )}
        </DoneScreen>
      );
    default: {
      const never: never = step;
      return never;
    }
  }
}
