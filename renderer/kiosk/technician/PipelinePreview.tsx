import { useI18n } from '../i18n/I18nProvider.js';
import type { Preview } from './pipelineDraft.js';

/** Recent reads converted by the pipeline being edited: the record text, and the number or the failing step. */
export function PipelinePreview(props: { readonly samples: readonly string[]; readonly results: readonly Preview[]; readonly broken: boolean }) {
  const { t } = useI18n();
  if (props.samples.length === 0) return <p className="info">{t('tech.preview.empty')}</p>;
  return (
    <table className="technician-table preview-table" data-testid="pipeline-preview">
      <caption>{t('tech.preview.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tech.preview.raw')}</th>
          <th scope="col">{t('tech.preview.result')}</th>
        </tr>
      </thead>
      <tbody>
        {props.samples.map((raw, i) => {
          const result = props.results[i];
          return (
            <tr key={raw} data-testid="preview-row">
              <td className="mono">{raw}</td>
              <td data-testid="preview-result">
                {props.broken || !result ? (
                  '—'
                ) : result.ok ? (
                  <strong className="mono">{result.value}</strong>
                ) : (
                  <span className="problem-text">{t('tech.pipeline.stepProblem')(result.error.step, result.error.reason)}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
