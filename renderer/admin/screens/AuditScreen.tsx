import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { AuditQuery } from '../../../src/protocol/admin/adminSchemas.js';
import { api } from '../api/endpoints.js';
import { useKiosks } from '../api/kioskQueries.js';
import { AuditTable } from '../components/AuditTable.js';
import { Pager } from '../components/Pager.js';
import { QueryState } from '../components/QueryState.js';
import { useI18n } from '../i18n/I18nProvider.js';

const PAGE_SIZE = 50;

interface Filters {
  readonly username: string;
  readonly kioskId: string;
  readonly kind: string;
  readonly outcome: '' | 'success' | 'failure';
  readonly since: string;
  readonly until: string;
}
const NO_FILTERS: Filters = { username: '', kioskId: '', kind: '', outcome: '', since: '', until: '' };

/** datetime-local is the browser's local time; the API takes epoch ms. */
function toQuery(filters: Filters): AuditQuery {
  const epoch = (text: string) => (text ? new Date(text).getTime() : undefined);
  const query: Record<string, string | number | undefined> = {
    username: filters.username.trim() || undefined,
    kioskId: filters.kioskId || undefined,
    kind: filters.kind.trim() || undefined,
    outcome: filters.outcome || undefined,
    since: epoch(filters.since),
    until: epoch(filters.until),
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as AuditQuery;
}

export function AuditScreen() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const kiosks = useKiosks();
  const query = toQuery(applied);
  const events = useQuery({ queryKey: ['audit', query, offset], queryFn: () => api.audit({ ...query, limit: PAGE_SIZE, offset }), placeholderData: keepPreviousData });
  const field = (name: keyof Filters) => ({ value: draft[name], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }) });

  function submit(event: FormEvent) {
    event.preventDefault();
    setApplied(draft);
    setOffset(0);
  }

  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">{t('audit.heading')}</h1>
      <form onSubmit={submit} className="panel filters" aria-label={t('audit.filters')}>
        <label>{t('audit.username')}<input {...field('username')} /></label>
        <label>
          {t('audit.kiosk')}
          <select {...field('kioskId')}>
            <option value="">{t('audit.anyKiosk')}</option>
            {(kiosks.data ?? []).map((kiosk) => <option key={kiosk.id} value={kiosk.id}>{kiosk.name}</option>)}
          </select>
        </label>
        <label>{t('audit.kind')}<input {...field('kind')} placeholder={t('audit.kindHint')} /></label>
        <label>
          {t('audit.outcome')}
          <select {...field('outcome')}>
            <option value="">{t('audit.anyOutcome')}</option>
            <option value="success">{t('audit.success')}</option>
            <option value="failure">{t('audit.failure')}</option>
          </select>
        </label>
        <label>{t('audit.since')}<input type="datetime-local" {...field('since')} /></label>
        <label>{t('audit.until')}<input type="datetime-local" {...field('until')} /></label>
        <div className="form-actions">
          <button type="submit">{t('audit.apply')}</button>
          <a className="button secondary" href={api.auditCsvUrl({ ...query, limit: 10_000 })} download>{t('audit.export')}</a>
        </div>
      </form>
      <QueryState query={events}>
        {(data) => (
          <>
            <AuditTable events={data.events} label={t('audit.events')} />
            {data.events.length === 0 && <p>{t('common.noResults')}</p>}
            <Pager offset={offset} pageSize={PAGE_SIZE} shown={data.events.length} onOffset={setOffset} />
          </>
        )}
      </QueryState>
    </section>
  );
}
