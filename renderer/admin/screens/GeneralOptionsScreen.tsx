import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import type { ConfigEntry, ConfigValueInput } from '../../../src/protocol/admin/adminSchemas.js';
import { ApiError } from '../api/adminApi.js';
import { CONFIG_QUERY, configByName, useConfig } from '../api/configQueries.js';
import { api } from '../api/endpoints.js';
import { QueryState } from '../components/QueryState.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';

type Draft = Record<string, ConfigValueInput>;
type Failure = { readonly key: string; readonly message: string };

/** PaperCut's Options > General, in its words and order, plus the PIN, lockout and idle keys. */
const LABELS: Readonly<Record<string, MessageKey>> = {
  'user.allow-change-pin': 'general.allowChangePin',
  'user.allow-change-card-id': 'general.allowChangeCard',
  'user.change-card-id.which': 'general.which',
  'user.change-card-id.auto-generate-only': 'general.autoGenerate',
  'user.can-change-card-id.num-times-per-day': 'general.perDay',
  'card-id.generated-length': 'general.generatedLength',
  'pin.min-length': 'general.pinMin',
  'pin.max-length': 'general.pinMax',
  'auth.pin-required-for-card': 'general.pinForCard',
  'auth.allow-new-pin-for-typed-id': 'general.newPinTypedId',
  'auth.max-failed-pin-attempts': 'general.maxFailed',
  'auth.lockout-minutes': 'general.lockoutMinutes',
  'kiosk.idle-timeout-seconds': 'general.idleTimeout',
  'kiosk.idle-warning-seconds': 'general.idleWarning',
};

export function GeneralOptionsScreen() {
  const { t } = useI18n();
  const config = useConfig();
  return (
    <section aria-labelledby="general-heading">
      <h1 id="general-heading">{t('general.heading')}</h1>
      <QueryState query={config}>{(keys) => <GeneralForm keys={keys} />}</QueryState>
    </section>
  );
}

function GeneralForm(props: { readonly keys: readonly ConfigEntry[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const saved = configByName(props.keys);
  const [draft, setDraft] = useState<Draft>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<'applied' | 'unchanged' | readonly Failure[] | null>(null);
  const changed = Object.keys(draft).filter((name) => draft[name] !== saved.get(name)?.value);
  const dirty = changed.length > 0;

  const blocker = useBlocker(dirty && !busy);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('general.unsaved'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const value = (name: string): ConfigValueInput | undefined => (name in draft ? draft[name] : saved.get(name)?.value);
  const set = (name: string, next: ConfigValueInput) => {
    setOutcome(null);
    setDraft((current) => ({ ...current, [name]: next }));
  };

  // One request per changed key, in form order (so pin.min-length goes before pin.max-length);
  // every key is tried and each refusal is reported with the server's message.
  async function apply(event: FormEvent) {
    event.preventDefault();
    if (!dirty) {
      setOutcome('unchanged');
      return;
    }
    setBusy(true);
    const failures: Failure[] = [];
    const order = Object.keys(LABELS).filter((name) => changed.includes(name));
    for (const name of order) {
      try {
        await api.setConfig(name, draft[name]!);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) break;
        failures.push({ key: name, message: error instanceof Error ? error.message : String(error) });
      }
    }
    await queryClient.invalidateQueries({ queryKey: CONFIG_QUERY });
    setDraft((current) => Object.fromEntries(Object.entries(current).filter(([name]) => failures.some((f) => f.key === name))));
    setBusy(false);
    setOutcome(failures.length === 0 ? 'applied' : failures);
  }

  const checkbox = (name: string) => (
    <label className="check">
      <input type="checkbox" name={name} checked={value(name) === true} onChange={(e) => set(name, e.target.checked)} />
      {t(LABELS[name]!) as string}
    </label>
  );
  const integer = (name: string) => {
    const entry = saved.get(name);
    return (
      <label>
        {t(LABELS[name]!) as string}
        <input
          type="number"
          name={name}
          inputMode="numeric"
          value={String(value(name) ?? '')}
          onChange={(e) => set(name, e.target.value === '' ? '' : Number(e.target.value))}
        />
        {entry && <span className="hint">{entry.range}</span>}
      </label>
    );
  };
  const group = (legend: MessageKey, children: ReactNode) => (
    <fieldset>
      <legend>{t(legend) as string}</legend>
      {children}
    </fieldset>
  );
  const cardChangeOff = value('user.allow-change-card-id') !== true;

  return (
    <form onSubmit={apply} className="options-form">
      {group('general.cardSection', (
        <>
          {checkbox('user.allow-change-pin')}
          {checkbox('user.allow-change-card-id')}
          <div className="indented">
            <fieldset disabled={cardChangeOff}>
              <legend>{t('general.which')}</legend>
              {(['primary', 'secondary'] as const).map((which) => (
                <label className="check" key={which}>
                  <input type="radio" name="user.change-card-id.which" value={which} checked={value('user.change-card-id.which') === which} onChange={() => set('user.change-card-id.which', which)} />
                  {t(which === 'primary' ? 'general.primary' : 'general.secondary')}
                </label>
              ))}
            </fieldset>
            {checkbox('user.change-card-id.auto-generate-only')}
            {integer('user.can-change-card-id.num-times-per-day')}
            {integer('card-id.generated-length')}
          </div>
        </>
      ))}
      {group('general.pinSection', (
        <>
          {integer('pin.min-length')}
          {integer('pin.max-length')}
          {checkbox('auth.pin-required-for-card')}
          {checkbox('auth.allow-new-pin-for-typed-id')}
        </>
      ))}
      {group('general.lockoutSection', (
        <>
          {integer('auth.max-failed-pin-attempts')}
          {integer('auth.lockout-minutes')}
        </>
      ))}
      {group('general.idleSection', (
        <>
          {integer('kiosk.idle-timeout-seconds')}
          {integer('kiosk.idle-warning-seconds')}
        </>
      ))}
      <div className="form-actions">
        <button type="submit" disabled={busy}>{busy ? t('general.applying') : t('general.apply')}</button>
      </div>
      <div aria-live="polite">
        {outcome === 'applied' && <p className="success" role="status">{t('general.applied')}</p>}
        {outcome === 'unchanged' && <p role="status">{t('general.nothingChanged')}</p>}
      </div>
      {Array.isArray(outcome) && (
        <div role="alert" className="alert">
          <p>{t('general.failed')}</p>
          <ul>
            {(outcome as readonly Failure[]).map((failure) => (
              <li key={failure.key}>{t('general.failedKey')(t(LABELS[failure.key]!) as string, failure.message)}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
