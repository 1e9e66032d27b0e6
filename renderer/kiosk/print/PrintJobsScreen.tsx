import { useCallback, useEffect, useState } from 'react';
import type { HeldJobView, KioskApi, PrintActionOutput, PrintJobsOutput } from '../../../src/contract/index.js';
import { ScreenTitle } from '../components/ScreenTitle.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { PrintSentScreen, type PrintDone } from './PrintSentScreen.js';
import './print.css';

export interface PrintJobsScreenProps {
  readonly api: KioskApi;
  /** null while the first answer is on its way. */
  readonly answer: PrintJobsOutput | null;
  /** Asks the host again (after an action, or "Stay signed in"). */
  readonly reload: () => Promise<void>;
  /** What print.release-all-on-login sent at sign-in, shown first. */
  readonly released?: PrintActionOutput | null;
  readonly displayName: string;
  readonly onAccount: () => void;
  readonly onLogout: () => void;
}


function totalPages(jobs: readonly HeldJobView[]): number | null {
  if (jobs.length === 0 || jobs.some((job) => job.pages === null)) return null;
  return jobs.reduce((sum, job) => sum + (job.pages ?? 0) * job.copies, 0);
}

/**
 * The home screen after sign-in: the user's held documents, touch-first. Tapping a row selects it;
 * Print all releases everything; the account screens (PIN, Card/ID) are one tap away. Printing
 * that cannot be used now is one line, never a dead end.
 */
export function PrintJobsScreen(props: PrintJobsScreenProps) {
  const { t } = useI18n();
  const [done, setDone] = useState<PrintDone | null>(null);
  const [failed, setFailed] = useState<PrintJobsOutput | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const { reload } = props;
  const again = useCallback(async () => {
    setSelected(new Set());
    setFailed(null);
    setDone(null);
    await reload();
  }, [reload]);

  const show = useCallback((kind: 'release' | 'delete', output: PrintActionOutput) => {
    if (output.status !== 'ok') {
      setFailed(output.status === 'not-configured' ? output : { status: 'unavailable' });
      return;
    }
    const { outcomes, printer, printerCondition, logoutAfterSeconds } = output;
    const acted = outcomes.filter((o) => o.outcome === 'released' || o.outcome === 'deleted').length;
    setDone({ kind, printer, acted, gone: outcomes.length - acted, printerCondition, logoutAfterSeconds });
  }, []);

  useEffect(() => {
    if (props.released) show('release', props.released);
  }, [props.released, show]);

  const act = async (kind: 'release' | 'delete', selection: { all: true } | { jobIds: number[] }) => {
    setBusy(true);
    const result = kind === 'release' ? await props.api.printRelease({ selection }) : await props.api.printDelete({ selection });
    setBusy(false);
    show(kind, result.ok ? result.value : { status: 'unavailable' });
  };

  if (done) return <PrintSentScreen done={done} onStay={() => void again()} onLogout={props.onLogout} />;

  const answer = failed ?? props.answer;
  const jobs = answer?.status === 'ok' ? answer.jobs : [];
  const chosen = jobs.filter((job) => selected.has(job.id));
  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="screen print-screen" aria-labelledby="print-title" data-testid="screen-print-jobs" aria-busy={answer === null || busy}>
      <ScreenTitle id="print-title">{t('home.welcome')(props.displayName)}</ScreenTitle>
      {answer === null ? <p className="lead">{t('print.loading')}</p> : null}
      {answer?.status === 'unavailable' ? (
        <p className="info" data-testid="print-unavailable">{t('print.unavailable')}</p>
      ) : null}
      {answer?.status === 'not-configured' ? (
        <p className="info" data-testid="print-not-configured">
          {t('print.notConfigured')} <span className="print-command">{answer.command}</span>
        </p>
      ) : null}
      {answer?.status === 'ok' && jobs.length === 0 ? (
        <div data-testid="print-empty">
          <p className="lead">{t('print.empty')}</p>
          <p>{t('print.emptyHow')}</p>
        </div>
      ) : null}
      {jobs.length > 0 ? (
        <>
          <h2 className="lead">{t('print.title')}: {t('print.total')(jobs.length, totalPages(jobs))}</h2>
          <ul className="print-jobs" aria-label={t('print.listLabel')} data-testid="print-job-list">
            {jobs.map((job) => (
              <li key={job.id}>
                <button
                  type="button"
                  role="checkbox"
                  aria-checked={selected.has(job.id)}
                  aria-label={t('print.select')(job.title)}
                  className="print-job"
                  data-testid="print-job"
                  onClick={() => toggle(job.id)}
                >
                  <span className="print-job-box" aria-hidden="true">{selected.has(job.id) ? '✓' : ''}</span>
                  <span className="print-job-text">
                    <span className="print-job-title">{job.title}</span>
                    <span className="print-job-meta">
                      {new Date(job.submittedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} · {t('print.pages')(job.pages, job.copies)}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <div className="print-actions">
            {chosen.length > 0 ? (
              <>
                <button type="button" className="button button-primary button-large" disabled={busy} onClick={() => void act('release', { jobIds: chosen.map((j) => j.id) })}>
                  {t('print.printSelected')(chosen.length)}
                </button>
                <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act('delete', { jobIds: chosen.map((j) => j.id) })}>
                  {t('print.deleteSelected')(chosen.length)}
                </button>
              </>
            ) : (
              <button type="button" className="button button-primary button-large" disabled={busy} onClick={() => void act('release', { all: true })}>
                {t('print.printAll')}
              </button>
            )}
          </div>
        </>
      ) : null}
      <div className="print-actions">
        <button type="button" className="button button-secondary" onClick={props.onAccount}>
          {t('print.account')}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onLogout}>
          {t('common.logout')}
        </button>
      </div>
    </section>
  );
}
