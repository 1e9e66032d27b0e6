import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ContractResult, SessionState } from '../../../src/contract/index.js';
import type { Notice } from '../app/notice.js';
import { onKeypadInput } from '../components/keypadInput.js';
import { ScreenTitle } from '../components/ScreenTitle.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { PlainKey } from '../i18n/messages.js';
import { linkProblem } from './linkProblem.js';
import { OnScreenKeyboard } from './OnScreenKeyboard.js';
import { useTypedText } from './useTypedText.js';
import './link.css';

export interface LinkCardFlowProps {
  readonly submit: (username: string, password: string) => Promise<ContractResult<SessionState>>;
  readonly onNotice: (notice: Notice) => void;
  readonly onCancel: () => void;
  /** The status bar says the central store is unreachable: say at once that linking needs it. */
  readonly centralOffline?: boolean;
}

type Field = 'username' | 'password';

/**
 * "This card isn't registered. Sign in to link it to your account": username and directory
 * password on the on-screen keyboard, checked by the central store through the host. The password
 * is forgotten the moment it is sent; the username stays for another try after a refusal.
 */
export function LinkCardFlow(props: LinkCardFlowProps) {
  const { t } = useI18n();
  const username = useTypedText(256);
  const password = useTypedText(1024);
  const [active, setActive] = useState<Field>('username');
  const activeRef = useRef<Field>('username');
  const [problem, setProblem] = useState<PlainKey | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const choose = (field: Field) => {
    activeRef.current = field;
    setActive(field);
  };
  const target = () => (activeRef.current === 'username' ? username : password);

  const submit = async () => {
    if (busyRef.current) return;
    const name = username.current();
    const secret = password.current();
    if (name === '') return choose('username');
    if (secret === '') return choose('password');
    password.reset();
    busyRef.current = true;
    setBusy(true);
    setProblem(null);
    const result = await props.submit(name, secret);
    busyRef.current = false;
    setBusy(false);
    if (result.ok) return;
    const shown = linkProblem(result.error);
    if ('notice' in shown) props.onNotice(shown.notice);
    else {
      setProblem(shown.inline);
      choose('password');
    }
  };

  // A physical keyboard types into the chosen field too (keys a reader's burst did not claim).
  const latest = useRef({ target, submit, choose });
  latest.current = { target, submit, choose };
  useEffect(
    () =>
      onKeypadInput((input) => {
        const { target: field, submit: send, choose: pick } = latest.current;
        if (input.kind === 'text') field().add(input.text);
        else if (input.key === 'Backspace') field().backspace();
        else if (activeRef.current === 'username') pick('password');
        else void send();
      }),
    [],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (activeRef.current === 'username' && password.current() === '') choose('password');
    else void submit();
  };
  // The fields are read-only (typing reaches them through the keyboard-wedge capture, which tells a
  // person's keys from a reader's burst); Backspace and Enter on a focused field are handled here.
  const onFieldKey = (event: KeyboardEvent) => {
    if (event.key === 'Backspace') target().backspace();
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (activeRef.current === 'username' && password.current() === '') choose('password');
    else void submit();
  };
  const field = (name: Field, text: ReturnType<typeof useTypedText>) => (
    <div className={`link-field${active === name ? ' link-field-active' : ''}`}>
      <label htmlFor={`link-${name}`}>{t(name === 'username' ? 'link.username' : 'link.password')}</label>
      <input
        id={`link-${name}`}
        type={name === 'password' ? 'password' : 'text'}
        value={text.value}
        inputMode="none"
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        aria-describedby={`link-${name}-count`}
        onFocus={() => choose(name)}
        onClick={() => choose(name)}
        readOnly
        onKeyDown={onFieldKey}
      />
      <span id={`link-${name}-count`} className="visually-hidden">
        {t('link.charactersEntered')(text.value.length)}
      </span>
    </div>
  );

  return (
    <section className="screen link-screen" aria-labelledby="link-title" data-testid="screen-link-card">
      <form id="link-form" className="link-form" onSubmit={onSubmit} noValidate>
        <ScreenTitle id="link-title">{t('link.title')}</ScreenTitle>
        <p className="lead">{t('link.lead')}</p>
        {field('username', username)}
        {field('password', password)}
        {props.centralOffline && problem === null ? (
          <p className="warning" data-testid="link-central-offline">
            {t('link.central')}
          </p>
        ) : null}
        {problem ? (
          <p className="problem" role="alert" data-testid="link-problem">
            {t(problem)}
          </p>
        ) : null}
        {busy ? (
          <p className="info" role="status">
            {t('link.checking')}
          </p>
        ) : null}
      </form>
      {/* Beside the keyboard, not under the fields: on a small landscape screen the fields' column is full. */}
      <div className="link-side">
        <OnScreenKeyboard onText={(text) => target().add(text)} onBackspace={() => target().backspace()} />
        <div className="link-actions">
          <button type="button" className="button button-secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="link-form" className="button button-primary" disabled={busy || username.value === '' || password.value === ''}>
            {t('link.signIn')}
          </button>
        </div>
      </div>
    </section>
  );
}
