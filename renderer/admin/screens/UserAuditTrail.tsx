import { useQuery } from '@tanstack/react-query';
import { configByName, useConfig } from '../api/configQueries.js';
import { api } from '../api/endpoints.js';
import { AuditTable } from '../components/AuditTable.js';
import { QueryState } from '../components/QueryState.js';
import { useI18n } from '../i18n/I18nProvider.js';

const CARD_CHANGE_KINDS = new Set(['card.regenerate', 'card.set']);

/** The user's last audit events, and today's Card/ID changes made at kiosks against the daily limit. */
export function UserAuditTrail(props: { readonly userId: string }) {
  const { t, formatNumber } = useI18n();
  const config = useConfig();
  const trail = useQuery({ queryKey: ['audit', 'user', props.userId], queryFn: () => api.audit({ userId: props.userId, limit: 100 }) });
  // The browser's day; the kiosks count the site's day (site.timezone), the same unless they differ.
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const limit = config.data ? configByName(config.data).get('user.can-change-card-id.num-times-per-day')?.value : undefined;
  return (
    <section aria-labelledby="trail-heading" className="panel">
      <h2 id="trail-heading">{t('user.audit')}</h2>
      <QueryState query={trail}>
        {(data) => {
          const today = data.events.filter((e) => e.at >= midnight.getTime() && e.outcome === 'success' && e.kioskId !== null && CARD_CHANGE_KINDS.has(e.kind)).length;
          return (
            <>
              <p data-testid="card-changes-today">{t('user.changesToday')(formatNumber(today), limit === undefined ? '…' : String(limit))}</p>
              <AuditTable events={data.events} label={t('user.audit')} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
