import { useI18n } from '../i18n/I18nProvider.js';
import {
  padWidth, substrArg, substrParts, wiegandArg, wiegandFieldChoices, wiegandParts, WIEGAND_FORMATS, type DraftStep, type WiegandChoice,
} from './pipelineDraft.js';
import { ChoiceRow } from './ChoiceRow.js';

/** − value + with big targets, for numbers a technician nudges rather than types. */
function Stepper(props: { readonly label: string; readonly value: number; readonly min: number; readonly max: number; readonly onChange: (value: number) => void; readonly testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="stepper" role="group" aria-label={props.label} data-testid={props.testId}>
      <span className="choice-label">{props.label}</span>
      <button type="button" className="button button-secondary" aria-label={t('tech.step.less')} disabled={props.value <= props.min} onClick={() => props.onChange(props.value - 1)}>
        −
      </button>
      <output className="stepper-value mono" data-testid={props.testId ? `${props.testId}-value` : undefined}>
        {props.value}
      </output>
      <button type="button" className="button button-secondary" aria-label={t('tech.step.more')} disabled={props.value >= props.max} onClick={() => props.onChange(props.value + 1)}>
        +
      </button>
    </div>
  );
}

/** The controls of one step's argument; steps without an argument have none. */
export function StepEditor(props: { readonly step: DraftStep; readonly index: number; readonly onChange: (step: DraftStep) => void }) {
  const { t } = useI18n();
  const { step } = props;
  switch (step.name) {
    case 'pad':
      return (
        <Stepper label={t('tech.step.padWidth')} testId={`step-${props.index}-pad`} value={padWidth(step)} min={1} max={64} onChange={(n) => props.onChange({ ...step, arg: String(n) })} />
      );
    case 'substr': {
      const { start, length } = substrParts(step);
      return (
        <>
          <Stepper label={t('tech.step.substrStart')} testId={`step-${props.index}-start`} value={start} min={-64} max={64} onChange={(n) => props.onChange({ ...step, arg: substrArg(n, length) })} />
          <Stepper
            label={length === null ? t('tech.step.substrToEnd') : t('tech.step.substrLength')}
            testId={`step-${props.index}-length`}
            value={length ?? 0}
            min={0}
            max={64}
            onChange={(n) => props.onChange({ ...step, arg: substrArg(start, n === 0 ? null : n) })}
          />
        </>
      );
    }
    case 'wiegand': {
      const { format, field } = wiegandParts(step);
      return (
        <>
          <ChoiceRow label={t('tech.step.wiegandFormat')} options={WIEGAND_FORMATS.map((f) => ({ value: f, text: f }))} value={format} onChange={(f) => props.onChange({ ...step, arg: wiegandArg(f, field) })} />
          <ChoiceRow
            label={t('tech.step.wiegandField')}
            options={wiegandFieldChoices(format).map((f) => ({ value: f, text: t(`tech.step.wiegandField.${f}`) }))}
            value={field}
            onChange={(f) => props.onChange({ ...step, arg: wiegandArg(format, f as WiegandChoice) })}
          />
        </>
      );
    }
    case 'regex':
      // A pattern needs a keyboard; on the kiosk it comes from learning or an imported profile.
      return <code className="mono step-arg">{step.arg}</code>;
    default:
      return step.arg === null ? null : <code className="mono step-arg">{step.arg}</code>;
  }
}
