import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ImportRefused, ImportResult } from '../../../src/protocol/admin/adminSchemas.js';
import { ApiError } from '../api/adminApi.js';
import { api } from '../api/endpoints.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PATHS } from '../app/paths.js';
import { useI18n } from '../i18n/I18nProvider.js';

type Outcome = { readonly kind: 'done'; readonly result: ImportResult } | { readonly kind: 'refused'; readonly refusal: ImportRefused } | { readonly kind: 'error'; readonly error: unknown };

/** The CLI's users import, in a browser: all rows or none; a refusal lists the lines at fault. */
export function ImportUsersScreen() {
  const { t, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fileId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    setMissing(file === null);
    if (!file) return;
    setBusy(true);
    try {
      const result = await api.importUsers(await file.text());
      setOutcome({ kind: 'done', result });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) setOutcome({ kind: 'refused', refusal: error.body as ImportRefused });
      else setOutcome({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import-heading">
      <p><Link to={PATHS.users}>{t('user.back')}</Link></p>
      <h1 id="import-heading">{t('import.heading')}</h1>
      <p>{t('import.intro')}</p>
      <form onSubmit={submit} className="panel">
        <label htmlFor={fileId}>{t('import.file')}</label>
        <input id={fileId} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="submit" disabled={busy}>{t('import.submit')}</button>
      </form>
      {busy && (
        <p role="status">
          <progress aria-label={t('import.busy')} /> {t('import.busy')}
        </p>
      )}
      {missing && <p role="alert" className="alert">{t('import.noFile')}</p>}
      {outcome?.kind === 'done' && <p role="status" className="success">{t('import.done')(formatNumber(outcome.result.imported), formatNumber(outcome.result.withPin))}</p>}
      {outcome?.kind === 'error' && <ErrorAlert error={outcome.error} />}
      {outcome?.kind === 'refused' && (
        <div role="alert" className="alert">
          <p>{t('import.refused')(formatNumber(outcome.refusal.problemCount))}</p>
          <ul>
            {outcome.refusal.problems.map((problem) => (
              <li key={`${problem.line}-${problem.reason}`}>{t('import.line')(String(problem.line), problem.reason)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
