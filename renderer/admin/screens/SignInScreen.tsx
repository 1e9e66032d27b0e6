import { useId, useState, type FormEvent } from 'react';
import { useSession } from '../app/SessionProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Full page at first; a modal over the inert page when the session expired under it. */
export function SignInScreen(props: { readonly expiredFor?: string }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState(props.expiredFor ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const headingId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setWrong(false);
    setFailure(null);
    try {
      const outcome = await signIn(username, password);
      if (outcome === 'wrong') {
        setWrong(true);
        setPassword('');
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const expired = props.expiredFor !== undefined;
  const form = (
    <form className="sign-in" onSubmit={submit} aria-labelledby={headingId}>
      <h1 id={headingId}>{t('signIn.heading')}</h1>
      <p>{expired ? t('signIn.expired') : t('signIn.intro')}</p>
      {wrong && <p role="alert" className="alert">{t('signIn.wrong')}</p>}
      {failure !== null && <ErrorAlert error={failure} />}
      <label>
        {t('signIn.username')}
        <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        {t('signIn.password')}
        <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>{busy ? t('signIn.busy') : t('signIn.submit')}</button>
    </form>
  );
  if (expired) {
    return (
      <div className="modal-backdrop">
        <div role="dialog" aria-modal="true" aria-labelledby={headingId} className="modal">{form}</div>
      </div>
    );
  }
  return (
    <div className="sign-in-page">
      <header className="sign-in-header">
        <span className="brand">{t('app.title')}</span>
        <LanguageSwitch />
      </header>
      <main>{form}</main>
    </div>
  );
}
