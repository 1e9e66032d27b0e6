import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { CreatedToken } from '../../../src/protocol/admin/adminSchemas.js';
import { api } from '../api/endpoints.js';
import { useAction } from '../api/useAction.js';
import { ActionOutcome } from '../components/ActionOutcome.js';
import { CopyText } from '../components/CopyText.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { QueryState } from '../components/QueryState.js';
import { DataTable } from '../components/DataTable.js';
import { useI18n } from '../i18n/I18nProvider.js';

const TOKENS_QUERY = ['tokens'] as const;

export function AccountScreen() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="account-page-heading">
      <h1 id="account-page-heading">{t('account.heading')}</h1>
      <Tokens />
      <ChangePassword />
    </section>
  );
}

function Tokens() {
  const { t, formatDateTime } = useI18n();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS_QUERY, queryFn: async () => (await api.tokens()).tokens });
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useAction();
  const revoke = useAction();
  const nameId = useId();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create.run(() => api.createToken(name.trim()));
    if (result) {
      setCreated(result);
      setName('');
      await queryClient.invalidateQueries({ queryKey: TOKENS_QUERY });
    }
  }
  async function revokeToken(id: string) {
    await revoke.run(() => api.revokeToken(id));
    await queryClient.invalidateQueries({ queryKey: TOKENS_QUERY });
  }
  const when = (at: number | null) => (at === null ? t('common.never') : formatDateTime(at));
  return (
    <section aria-labelledby="tokens-heading" className="panel">
      <h2 id="tokens-heading">{t('account.tokens')}</h2>
      <form onSubmit={submit} className="inline-form">
        <label htmlFor={nameId}>{t('account.tokenName')}</label>
        <input id={nameId} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={create.busy}>{t('account.createToken')}</button>
      </form>
      <ActionOutcome action={{ error: create.error, done: false }} />
      {created && (
        <div className="one-time">
          <p>{t('account.tokenShown')}</p>
          <CopyText text={created.token} testId="created-token" />
        </div>
      )}
      {revoke.error !== null && <ErrorAlert error={revoke.error} />}
      <QueryState query={tokens}>
        {(list) =>
          list.length === 0 ? <p>{t('account.noTokens')}</p> : (
            <DataTable label={t('account.tokens')} columns={[t('account.tokenName'), t('account.created'), t('account.lastUsed'), t('account.revoked'), t('kiosks.actions')]}>
                  {list.map((token) => (
                    <tr key={token.id}>
                      <th scope="row">{token.name}</th>
                      <td>{formatDateTime(token.createdAt)}</td>
                      <td>{when(token.lastUsedAt)}</td>
                      <td>{token.revokedAt === null ? '' : formatDateTime(token.revokedAt)}</td>
                      <td>
                        {token.revokedAt === null && (
                          <button type="button" className="danger" disabled={revoke.busy} aria-label={t('account.revokeOf')(token.name)} onClick={() => void revokeToken(token.id)}>{t('account.revoke')}</button>
                        )}
                      </td>
                    </tr>
                  ))}
                </DataTable>
          )
        }
      </QueryState>
    </section>
  );
}

function ChangePassword() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const action = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    const done = await action.run(async () => {
      await api.changePassword({ currentPassword: current, newPassword: next });
      return true;
    });
    if (done) {
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  }
  return (
    <form onSubmit={submit} className="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.password')}</h2>
      <label>{t('account.current')}<input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} /></label>
      <label>{t('account.new')}<input type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} /></label>
      <label>{t('account.repeat')}<input type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} /></label>
      <button type="submit" disabled={action.busy}>{t('account.change')}</button>
      {mismatch && <p role="alert" className="alert">{t('account.mismatch')}</p>}
      {action.error !== null && <ErrorAlert error={action.error} />}
      {action.done && <p role="status" className="success">{t('account.changed')}</p>}
    </form>
  );
}
