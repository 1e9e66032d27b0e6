import { useState, type FormEvent } from 'react';
import type { UserSession, UserSignIn, UserWebOptions } from '../../../src/protocol/userWeb.js';
import { userApi } from '../api/userApi.js';
import { Notice } from '../app/Notice.js';
import { problemText } from '../app/problemText.js';
import { TextField } from '../app/TextField.js';
import { useI18n } from '../i18n/I18nProvider.js';

function SignInForm(props: { readonly method: UserSignIn['method']; readonly onSignedIn: (session: UserSession) => void }) {
  const i18n = useI18n();
  const [first, setFirst] = useState('');
  const [secret, setSecret] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const directory = props.method === 'directory';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body: UserSignIn = directory ? { method: 'directory', username: first, password: secret } : { method: 'card', cardNumber: first, pin: secret };
    const answer = await userApi.signIn(body);
    setBusy(false);
    setSecret('');
    if (answer.ok) props.onSignedIn(answer.value);
    else setProblem(problemText(i18n, answer.problem, props.method));
  };
  const titleId = `sign-in-${props.method}`;
  return (
    <form className="panel" onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId}>{i18n.t(directory ? 'signInWithDirectory' : 'signInWithCard')}</h2>
      <TextField label={i18n.t(directory ? 'username' : 'cardNumber')} value={first} onChange={setFirst} autoComplete={directory ? 'username' : 'off'} />
      <TextField label={i18n.t(directory ? 'password' : 'pin')} value={secret} onChange={setSecret} type="password" autoComplete={directory ? 'current-password' : 'off'} numeric={!directory} />
      <Notice kind="alert" text={problem} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? i18n.t('working') : i18n.t('signIn')}
      </button>
    </form>
  );
}

export function SignInPage(props: { readonly options: UserWebOptions; readonly notice: string | null; readonly onSignedIn: (session: UserSession) => void }) {
  const i18n = useI18n();
  return (
    <>
      <h1>{i18n.t('signInTitle')}</h1>
      <Notice kind="status" text={props.notice} />
      {props.options.directory ? <SignInForm method="directory" onSignedIn={props.onSignedIn} /> : null}
      {props.options.cardPinSignIn ? <SignInForm method="card" onSignedIn={props.onSignedIn} /> : null}
      {!props.options.directory && !props.options.cardPinSignIn ? <Notice kind="alert" text={i18n.t('noSignInMethod')} /> : null}
    </>
  );
}
