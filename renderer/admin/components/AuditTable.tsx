import type { AuditEvent } from '../../../src/protocol/admin/adminSchemas.js';
import { useKiosks } from '../api/kioskQueries.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { DataTable } from './DataTable.js';

export function AuditTable(props: { readonly events: readonly AuditEvent[]; readonly label: string }) {
  const { t, formatDateTime } = useI18n();
  // Kiosks by name rather than id: the list is small and already cached by the Kiosks screen.
  const kiosks = useKiosks();
  const kioskName = (id: string | null) => (id === null ? '' : kiosks.data?.find((k) => k.id === id)?.name ?? id);
  return (
    <DataTable label={props.label} className="audit-table" columns={[t('audit.at'), t('audit.kind'), t('audit.outcome'), t('users.username'), t('audit.kiosk'), t('audit.actor'), t('audit.code'), t('audit.details')]}>
          {props.events.map((event) => (
            <tr key={event.id}>
              <td>{formatDateTime(event.at)}</td>
              <td><code>{event.kind}</code></td>
              <td>{t(event.outcome === 'success' ? 'audit.success' : 'audit.failure')}</td>
              <td>{event.username ?? ''}</td>
              <td>{kioskName(event.kioskId)}</td>
              <td>{event.actor ?? ''}</td>
              <td>{event.code ?? ''}</td>
              <td>{Object.entries(event.details).map(([key, value]) => `${key}=${String(value)}`).join(', ')}</td>
            </tr>
          ))}
        </DataTable>
  );
}
