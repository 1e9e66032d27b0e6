import { useEffect, useRef, useState } from 'react';
import type { KioskApi, LiveRecord, PipelineSuggestions, ReaderEntry, ReadersOverview } from '../../../src/contract/index.js';
import { convertWithPipeline } from '../../../src/devices/pipeline.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { CardNumberPad } from './CardNumberPad.js';
import type { TechnicianActions } from './technicianActions.js';

export const MIN_SAMPLES = 2;
export const MAX_SAMPLES = 3;

interface Sample {
  readonly raw: string;
  readonly expected: string;
}

/**
 * Learn a pipeline from samples: swipe a card, type the number it should give (as printed, or as
 * the central store shows it), two or three times; the kiosk proposes every pipeline that maps each
 * sample, simplest first, and one tap runs the chosen one on the reader.
 */
export function LearnFlow(props: {
  readonly api: KioskApi;
  readonly entry: ReaderEntry;
  readonly overview: ReadersOverview;
  readonly records: readonly LiveRecord[];
  readonly actions: TechnicianActions;
  readonly onApplied: () => void;
}) {
  const { t } = useI18n();
  const [samples, setSamples] = useState<Sample[]>([]);
  const [pendingRaw, setPendingRaw] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<PipelineSuggestions | null>(null);
  const [searching, setSearching] = useState(false);
  // Only swipes made after the flow started (or after the last sample) count.
  const since = useRef(props.records.at(-1)?.seq ?? -1);

  useEffect(() => {
    if (pendingRaw !== null || suggestions !== null || samples.length >= MAX_SAMPLES) return;
    const fresh = props.records.find((r) => r.seq > since.current && r.readerId === props.entry.id && r.raw !== null);
    if (!fresh) return;
    since.current = fresh.seq;
    setPendingRaw(fresh.raw);
  }, [props.records, props.entry.id, pendingRaw, suggestions, samples.length]);

  const search = async (all: readonly Sample[]) => {
    setSearching(true);
    const result = await props.api.technicianSuggestPipelines({ samples: [...all] });
    setSearching(false);
    if (result.ok) setSuggestions(result.value);
    else props.actions.problem(result.error);
  };

  const restart = () => {
    since.current = props.records.at(-1)?.seq ?? -1;
    setSamples([]);
    setPendingRaw(null);
    setSuggestions(null);
  };

  const use = async (pipeline: string) => {
    const readers = props.overview.readers.map((r) => (r.entry.id === props.entry.id ? { ...r.entry, pipeline } : r.entry));
    if (await props.actions.apply(readers)) props.onApplied();
  };

  if (pendingRaw !== null) {
    return (
      <section className="technician-page" data-testid="technician-learn">
        <h2>{t('tech.learn.title')}</h2>
        <p className="info">
          {t('tech.learn.read')(samples.length + 1)} <strong className="mono" data-testid="learn-raw">{pendingRaw}</strong>
        </p>
        <CardNumberPad
          label={t('tech.learn.typeExpected')}
          onCancel={() => setPendingRaw(null)}
          onSubmit={(expected) => {
            setSamples([...samples, { raw: pendingRaw, expected }]);
            setPendingRaw(null);
          }}
        />
      </section>
    );
  }

  return (
    <section className="technician-page" aria-labelledby="learn-title" data-testid="technician-learn">
      <h2 id="learn-title">{t('tech.learn.title')}</h2>
      <p className="technician-hint">{t('tech.learn.intro')(MIN_SAMPLES, MAX_SAMPLES)}</p>
      {samples.length > 0 ? (
        <table className="technician-table">
          <thead>
            <tr>
              <th scope="col">{t('tech.preview.raw')}</th>
              <th scope="col">{t('tech.learn.expected')}</th>
            </tr>
          </thead>
          <tbody>
            {samples.map((s, i) => (
              <tr key={i} data-testid="learn-sample">
                <td className="mono">{s.raw}</td>
                <td className="mono">{s.expected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {suggestions === null && samples.length < MAX_SAMPLES ? (
        <p className="lead learn-waiting" role="status" data-testid="learn-waiting">
          {t('tech.learn.swipe')(samples.length + 1)}
        </p>
      ) : null}
      {suggestions === null ? (
        <div className="actions">
          <button type="button" className="button button-primary" data-testid="learn-search" disabled={samples.length < MIN_SAMPLES || searching} onClick={() => void search(samples)}>
            {searching ? t('tech.learn.searching') : t('tech.learn.search')}
          </button>
          <button type="button" className="button button-secondary" disabled={samples.length === 0} onClick={restart}>
            {t('tech.learn.restart')}
          </button>
        </div>
      ) : (
        <Proposals suggestions={suggestions} samples={samples} onUse={(p) => void use(p)} onRestart={restart} />
      )}
    </section>
  );
}

function Proposals(props: { readonly suggestions: PipelineSuggestions; readonly samples: readonly Sample[]; readonly onUse: (pipeline: string) => void; readonly onRestart: () => void }) {
  const { t } = useI18n();
  const { proposals, ambiguous, examined } = props.suggestions;
  return (
    <div className="proposals" data-testid="learn-proposals">
      {proposals.length === 0 ? (
        <p className="problem" role="alert" data-testid="learn-none">
          {t('tech.learn.none')(examined)}
        </p>
      ) : (
        <p className="technician-hint">{t('tech.learn.found')(proposals.length, examined)}</p>
      )}
      {ambiguous ? (
        <p className="warning" data-testid="learn-ambiguous">
          {t('tech.learn.ambiguous')}
        </p>
      ) : null}
      <ol className="proposal-list">
        {proposals.map((proposal) => (
          <li key={proposal.pipeline} className="proposal" data-testid="learn-proposal" data-pipeline={proposal.pipeline}>
            <code className="mono">{proposal.pipeline === '' ? t('tech.pipeline.none') : proposal.pipeline}</code>
            <span className="technician-hint">
              {props.samples.map((s) => {
                const out = convertWithPipeline(proposal.pipeline, s.raw);
                return `${s.raw} → ${out.ok ? out.value : '✗'}`;
              }).join(' · ')}
            </span>
            <button type="button" className="button button-primary" data-testid="learn-use" onClick={() => props.onUse(proposal.pipeline)}>
              {t('tech.learn.use')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button-secondary" onClick={props.onRestart}>
        {t('tech.learn.restart')}
      </button>
    </div>
  );
}
