import { useMemo, useState } from 'react';
import type { LiveRecord, ReaderEntry, ReadersOverview } from '../../../src/contract/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { PipelinePreview } from './PipelinePreview.js';
import { draftText, moveStep, parseDraft, previewDraft, removeStep, replaceStep, STEP_CHOICES, type DraftStep } from './pipelineDraft.js';
import { sampleRaws } from './recordView.js';
import { stepSummaryKey } from './stepText.js';
import { StepEditor } from './StepEditor.js';
import type { TechnicianActions } from './technicianActions.js';

/**
 * The pipeline of one reader as a list of steps: add, remove, reorder and adjust each with touch
 * controls. Every change re-converts the reader's recent reads at once, and a step that cannot work
 * is marked with the reason. "Use this pipeline" runs it on the reader (unsaved until Save).
 */
export function PipelineEditor(props: {
  readonly entry: ReaderEntry;
  readonly overview: ReadersOverview;
  readonly records: readonly LiveRecord[];
  readonly actions: TechnicianActions;
}) {
  const { t } = useI18n();
  const [steps, setSteps] = useState<DraftStep[]>(() => parseDraft(props.entry.pipeline));
  const [adding, setAdding] = useState(false);
  const samples = sampleRaws(props.records, props.entry.id);
  const preview = useMemo(() => previewDraft(steps, samples), [steps, samples.join('\n')]); // eslint-disable-line react-hooks/exhaustive-deps
  const text = draftText(steps);
  const changed = text !== props.entry.pipeline;

  const apply = () =>
    void props.actions.apply(props.overview.readers.map((r) => (r.entry.id === props.entry.id ? { ...r.entry, pipeline: text } : r.entry)));

  return (
    <section className="technician-page" aria-labelledby="pipeline-title" data-testid="technician-pipeline">
      <h2 id="pipeline-title">{t('tech.pipeline.title')(props.entry.id)}</h2>
      <p className="mono pipeline-text" data-testid="pipeline-text">
        {text === '' ? t('tech.pipeline.none') : text}
      </p>
      <ol className="step-list">
        {steps.map((step, index) => {
          const broken = preview.error !== null && preview.error.step === index + 1;
          const summary = stepSummaryKey(step.name);
          return (
            <li key={index} className={broken ? 'step step-broken' : 'step'} data-testid="pipeline-step" data-step={step.name}>
              <div className="step-head">
                <strong className="mono">
                  {index + 1}. {step.name}
                </strong>
                <span className="technician-hint">{summary ? t(summary) : ''}</span>
              </div>
              <StepEditor step={step} index={index} onChange={(next) => setSteps(replaceStep(steps, index, next))} />
              {broken && preview.error ? (
                <p className="problem" role="alert" data-testid="step-problem">
                  {t('tech.pipeline.stepProblem')(index + 1, preview.error.reason)}
                </p>
              ) : null}
              <div className="actions step-actions">
                <button type="button" className="button button-secondary" aria-label={t('tech.step.up')} disabled={index === 0} onClick={() => setSteps(moveStep(steps, index, -1))}>
                  ↑
                </button>
                <button type="button" className="button button-secondary" aria-label={t('tech.step.down')} disabled={index === steps.length - 1} onClick={() => setSteps(moveStep(steps, index, 1))}>
                  ↓
                </button>
                <button type="button" className="button button-secondary" data-testid={`step-${index}-remove`} onClick={() => setSteps(removeStep(steps, index))}>
                  {t('tech.step.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {preview.error !== null && preview.error.step > steps.length ? (
        <p className="problem" role="alert">
          {t('tech.pipeline.stepProblem')(preview.error.step, preview.error.reason)}
        </p>
      ) : null}
      {adding ? (
        <div className="step-palette" role="group" aria-label={t('tech.step.add')} data-testid="step-palette">
          {STEP_CHOICES.map((choice) => (
            <button
              key={choice.name}
              type="button"
              className="button button-secondary"
              data-testid={`add-step-${choice.name}`}
              onClick={() => {
                setSteps([...steps, choice]);
                setAdding(false);
              }}
            >
              {choice.name}
            </button>
          ))}
        </div>
      ) : (
        <button type="button" className="button button-secondary" data-testid="add-step" onClick={() => setAdding(true)}>
          {t('tech.step.add')}
        </button>
      )}
      <PipelinePreview samples={samples} results={preview.results} broken={preview.error !== null} />
      <div className="actions technician-action-bar">
        <button type="button" className="button button-primary" data-testid="pipeline-apply" disabled={!changed || preview.error !== null} onClick={apply}>
          {t('tech.pipeline.apply')}
        </button>
        <button type="button" className="button button-secondary" disabled={!changed} onClick={() => setSteps(parseDraft(props.entry.pipeline))}>
          {t('tech.pipeline.reset')}
        </button>
      </div>
    </section>
  );
}
