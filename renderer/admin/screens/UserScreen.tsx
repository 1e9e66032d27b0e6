import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AdminUser } from '../../../src/protocol/admin/adminSchemas.js';
import { PATHS } from '../app/paths.js';
import { configByName, useConfig } from '../api/configQueries.js';
import { api } from '../api/endpoints.js';
import { useAction } from '../api/useAction.js';
import { ActionOutcome } from '../components/ActionOutcome.js';
import { QueryState } from '../components/QueryState.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { UserAuditTrail } from './UserAuditTrail.js';

export function UserScreen() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const user = useQuery({ queryKey: ['user', id], queryFn: () => api.user(id) });
  return (
    <section aria-labelledby="user-heading">
      <p><Link to={PATHS.users}>{t('user.back')}</Link></p>
      <QueryState query={user}>{(data) => <UserPage user={data} />}</QueryState>
    </section>
  );
}

function UserPage(props: { readonly user: AdminUser }) {
  const { user } = props;
  const { t, formatDateTime, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const show = (updated: AdminUser | undefined) => {
    if (updated) queryClient.setQueryData(['user', user.id], updated);
    void queryClient.invalidateQueries({ queryKey: ['users'] });
  };
  const pin = useAction();
  const lock = useAction();
  const account = useAction();
  const locked = user.lockedUntil !== null && user.lockedUntil > Date.now();
  return (
    <>
      <h1 id="user-heading">{user.username}</h1>
      <DetailsForm user={user} onSaved={show} />
      <section aria-labelledby="cards-heading" className="panel">
        <h2 id="cards-heading">{t('user.cards')}</h2>
        <CardField user={user} field="primary" onSaved={show} />
        <CardField user={user} field="secondary" onSaved={show} />
      </section>
      <section aria-labelledby="pin-heading" className="panel">
        <h2 id="pin-heading">{t('user.pin')}</h2>
        <p data-testid="pin-state">{user.hasPin ? t('user.pinSet') : t('user.pinNotSet')}</p>
        <button type="button" disabled={pin.busy || !user.hasPin} onClick={() => void pin.run(() => api.resetPin(user.id)).then(show)}>{t('user.resetPin')}</button>
        <ActionOutcome action={pin} />
      </section>
      <section aria-labelledby="lock-heading" className="panel">
        <h2 id="lock-heading">{t('user.lock')}</h2>
        <p data-testid="lock-state">
          {locked ? t('user.lockedUntil')(formatDateTime(user.lockedUntil!)) : t('user.notLocked')}
          {' · '}
          {t('user.failedAttempts')(formatNumber(user.failedAttempts))}
        </p>
        <button type="button" disabled={lock.busy || (!locked && user.failedAttempts === 0)} onClick={() => void lock.run(() => api.unlock(user.id)).then(show)}>{t('user.unlock')}</button>
        <ActionOutcome action={lock} />
      </section>
      <section aria-labelledby="account-heading" className="panel">
        <h2 id="account-heading">{t('user.account')}</h2>
        {user.disabled && <p>{t('user.isDisabled')}</p>}
        <button type="button" disabled={account.busy} onClick={() => void account.run(() => api.updateUser(user.id, { disabled: !user.disabled })).then(show)}>
          {user.disabled ? t('user.enable') : t('user.disable')}
        </button>
        <ActionOutcome action={account} />
        <DeleteUser user={user} />
      </section>
      <UserAuditTrail userId={user.id} />
    </>
  );
}

function DetailsForm(props: { readonly user: AdminUser; onSaved(user: AdminUser | undefined): void }) {
  const { t } = useI18n();
  const [displayName, setDisplayName] = useState(props.user.displayName);
  const [email, setEmail] = useState(props.user.email);
  const save = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    props.onSaved(await save.run(() => api.updateUser(props.user.id, { displayName, email })));
  }
  return (
    <form onSubmit={submit} className="panel" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('user.details')}</h2>
      <label>
        {t('users.name')}
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label>
        {t('users.email')}
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <button type="submit" disabled={save.busy}>{t('common.save')}</button>
      <ActionOutcome action={save} />
    </form>
  );
}

/** A random number of card-id.generated-length digits; the server refuses it if another user holds it. */
function randomDigits(length: number): string {
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(bytes, (b) => String(b % 10)).join('');
}

function CardField(props: { readonly user: AdminUser; readonly field: 'primary' | 'secondary'; onSaved(user: AdminUser | undefined): void }) {
  const { t } = useI18n();
  const config = useConfig();
  const current = props.field === 'primary' ? props.user.primaryCard : props.user.secondaryCard;
  const [text, setText] = useState(current ?? '');
  const action = useAction();
  const label = t(props.field === 'primary' ? 'users.primary' : 'users.secondary');
  const inputId = useId();
  const setTo = async (value: string | null) => {
    const saved = await action.run(() => api.setCards(props.user.id, { [props.field]: value }));
    if (saved) setText((props.field === 'primary' ? saved.primaryCard : saved.secondaryCard) ?? '');
    props.onSaved(saved);
  };
  const length = Number(config.data ? configByName(config.data).get('card-id.generated-length')?.value : 8) || 8;
  return (
    <div className="card-field">
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} value={text} placeholder={t('user.none')} onChange={(e) => setText(e.target.value)} />
      <button type="button" disabled={action.busy || text.trim() === ''} aria-label={t('user.setCardOf')(label)} onClick={() => void setTo(text.trim())}>{t('user.setCard')}</button>
      <button type="button" className="secondary" disabled={action.busy || current === null} aria-label={t('user.clearCardOf')(label)} onClick={() => void setTo(null)}>{t('user.clearCard')}</button>
      <button type="button" className="secondary" disabled={action.busy} aria-label={t('user.generateCardOf')(label)} onClick={() => void setTo(randomDigits(length))}>{t('user.generateCard')}</button>
      <ActionOutcome action={action} />
    </div>
  );
}

function DeleteUser(props: { readonly user: AdminUser }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const action = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await action.run(async () => {
      await api.deleteUser(props.user.id);
      return true;
    });
    if (done) {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      void navigate(PATHS.users);
    }
  }
  return (
    <form onSubmit={submit} className="danger-zone" aria-labelledby="delete-heading">
      <h3 id="delete-heading">{t('user.delete')}</h3>
      <label>
        {t('user.deleteConfirm')(props.user.username)}
        <input value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
      </label>
      <button type="submit" className="danger" disabled={action.busy || typed !== props.user.username}>{t('user.deleteButton')}</button>
      <ActionOutcome action={action} />
    </form>
  );
}
