import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { CreatedKiosk, Kiosk } from '../../../src/protocol/admin/adminSchemas.js';
import { ApiError } from '../api/adminApi.js';
import { api } from '../api/endpoints.js';
import { KIOSKS_QUERY, useKiosks } from '../api/kioskQueries.js';
import { useAction } from '../api/useAction.js';
import { ActionOutcome } from '../components/ActionOutcome.js';
import { CopyText } from '../components/CopyText.js';
import { QueryState } from '../components/QueryState.js';
import { DataTable } from '../components/DataTable.js';
import { useI18n } from '../i18n/I18nProvider.js';

export function KiosksScreen() {
  const { t, formatDateTime, formatNumber } = useI18n();
  // Online and last seen change by themselves: asked again every few seconds while the page shows.
  const kiosks = useKiosks(5_000);
  return (
    <section aria-labelledby="kiosks-heading">
      <h1 id="kiosks-heading">{t('kiosks.heading')}</h1>
      <AddKiosk />
      <QueryState query={kiosks}>
        {(list) =>
          list.length === 0 ? <p>{t('kiosks.none')}</p> : (
            <DataTable label={t('kiosks.heading')} columns={[t('kiosks.name'), t('kiosks.state'), t('kiosks.online'), t('kiosks.lastSeen'), t('kiosks.syncLag'), t('kiosks.version'), t('kiosks.readers'), t('kiosks.actions')]}>
                  {list.map((kiosk) => (
                    <tr key={kiosk.id} data-kiosk={kiosk.name}>
                      <th scope="row">{kiosk.name}</th>
                      <td>{t(`kiosks.state.${kiosk.state}`)}</td>
                      <td>{kiosk.online ? t('kiosks.isOnline') : t('kiosks.isOffline')}</td>
                      <td>{kiosk.lastSeenAt === null ? t('common.never') : formatDateTime(kiosk.lastSeenAt)}</td>
                      <td data-testid="kiosk-sync-lag">{kiosk.syncLag === null ? t('kiosks.syncLag.none') : kiosk.syncLag === 0 ? t('kiosks.syncLag.current') : t('kiosks.syncLag.behind')(formatNumber(kiosk.syncLag))}</td>
                      <td>{kiosk.version ?? ''}</td>
                      <td><ReaderProfileCell kiosk={kiosk} /></td>
                      <td><RevokeKiosk kiosk={kiosk} /></td>
                    </tr>
                  ))}
                </DataTable>
          )
        }
      </QueryState>
    </section>
  );
}

/** The readers the kiosk's technician saved, by label or preset; a kiosk that sent none says so. */
function ReaderProfileCell(props: { readonly kiosk: Kiosk }) {
  const { t } = useI18n();
  const enrolled = props.kiosk.state === 'enrolled';
  const profile = useQuery({ queryKey: ['reader-profile', props.kiosk.id], queryFn: () => api.readerProfile(props.kiosk.id), enabled: enrolled });
  if (!enrolled) return null;
  if (profile.isError && profile.error instanceof ApiError && profile.error.status === 404) return <>{t('kiosks.noReaders')}</>;
  const readers = profile.data?.profile.readers ?? [];
  return <>{readers.map((reader) => reader.label ?? reader.preset).join(', ') || (profile.data ? t('kiosks.noReaders') : '')}</>;
}

function RevokeKiosk(props: { readonly kiosk: Kiosk }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const action = useAction();
  if (props.kiosk.state === 'revoked') return null;
  async function revoke() {
    if (!window.confirm(t('kiosks.revokeConfirm')(props.kiosk.name))) return;
    await action.run(() => api.revokeKiosk(props.kiosk.id));
    await queryClient.invalidateQueries({ queryKey: KIOSKS_QUERY });
  }
  return (
    <>
      <button type="button" className="danger" disabled={action.busy} aria-label={t('kiosks.revokeOf')(props.kiosk.name)} onClick={() => void revoke()}>{t('kiosks.revoke')}</button>
      <ActionOutcome action={{ error: action.error, done: false }} />
    </>
  );
}

/** The enrollment code exists in clear only in this answer: shown once, with the command to run. */
function AddKiosk() {
  const { t, formatDateTime } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedKiosk | null>(null);
  const action = useAction();
  const nameId = useId();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(() => api.addKiosk(name.trim()));
    if (result) {
      setCreated(result);
      setName('');
      await queryClient.invalidateQueries({ queryKey: KIOSKS_QUERY });
    }
  }
  const command = created ? `badgekiosk kiosk enroll --central ${window.location.origin} --code ${created.enrollmentCode}` : '';
  return (
    <div className="panel">
      <form onSubmit={submit} className="inline-form">
        <label htmlFor={nameId}>{t('kiosks.newName')}</label>
        <input id={nameId} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={action.busy}>{t('kiosks.add')}</button>
      </form>
      <ActionOutcome action={{ error: action.error, done: false }} />
      {created && (
        <div className="one-time" data-testid="enrollment">
          <p>{t('kiosks.code')}: <code data-testid="enrollment-code">{created.enrollmentCode}</code></p>
          <p>{t('kiosks.command')}</p>
          <CopyText text={command} testId="enroll-command" />
          <p>{t('kiosks.expires')(formatDateTime(created.expiresAt))}</p>
        </div>
      )}
    </div>
  );
}
