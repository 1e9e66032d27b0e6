import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import type { UserSession, UserWebOptions } from '../../../src/protocol/userWeb.js';
import { userApi, type ApiProblem } from '../api/userApi.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ChangeDetailsPage, offersChangeDetails } from '../pages/ChangeDetailsPage.js';
import { SignInPage } from '../pages/SignInPage.js';
import { SummaryPage } from '../pages/SummaryPage.js';
import { LanguagePicker } from './LanguagePicker.js';
import { Notice } from './Notice.js';
import { problemText } from './problemText.js';

type Page = 'summary' | 'change-details';
const PATHS: Readonly<Record<Page, string>> = { summary: '/user/', 'change-details': '/user/change-details' };

function pageOf(pathname: string): Page {
  return pathname.replace(/\/+$/, '') === PATHS['change-details'] ? 'change-details' : 'summary';
}

type State =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly problem: ApiProblem }
  | { readonly phase: 'signed-out'; readonly options: UserWebOptions; readonly notice: string | null }
  | { readonly phase: 'signed-in'; readonly session: UserSession };

export function UserApp() {
  const i18n = useI18n();
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [page, setPage] = useState<Page>(pageOf(location.pathname));

  const signedOut = useCallback(async (notice: string | null) => {
    const options = await userApi.options();
    setState(options.ok ? { phase: 'signed-out', options: options.value, notice } : { phase: 'failed', problem: options.problem });
  }, []);

  useEffect(() => {
    void userApi.session().then((answer) => (answer.ok ? setState({ phase: 'signed-in', session: answer.value }) : signedOut(null)));
    const onPop = () => setPage(pageOf(location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [signedOut]);

  /** A 401 means the session ended (idle timeout): back to sign-in, saying so. */
  const onProblem = useCallback(
    (problem: ApiProblem) => {
      if (problem.status !== 401 || problem.code !== 'unauthorized') return false;
      void signedOut(i18n.t('sessionEnded'));
      return true;
    },
    [i18n, signedOut],
  );

  const refresh = useCallback(async () => {
    const answer = await userApi.session();
    if (answer.ok) setState({ phase: 'signed-in', session: answer.value });
    else onProblem(answer.problem);
  }, [onProblem]);

  const go = (target: Page) => (event: MouseEvent) => {
    event.preventDefault();
    history.pushState(null, '', PATHS[target]);
    setPage(target);
  };

  const signOut = async () => {
    if (state.phase === 'signed-in') await userApi.signOut(state.session.csrfToken);
    await signedOut(null);
  };

  const header = (
    <header className="top">
      <p className="brand">{i18n.t('appTitle')}</p>
      <LanguagePicker />
      {state.phase === 'signed-in' ? (
        <button type="button" onClick={() => void signOut()}>
          {i18n.t('signOut')}
        </button>
      ) : null}
    </header>
  );

  let main;
  if (state.phase === 'loading') main = <p>{i18n.t('working')}</p>;
  else if (state.phase === 'failed') main = <Notice kind="alert" text={problemText(i18n, state.problem)} />;
  else if (state.phase === 'signed-out') main = <SignInPage options={state.options} notice={state.notice} onSignedIn={(session) => setState({ phase: 'signed-in', session })} />;
  else {
    const { profile, csrfToken } = state.session;
    const changeDetails = offersChangeDetails(profile);
    const current = page === 'change-details' && changeDetails ? 'change-details' : 'summary';
    main = (
      <>
        <p className="welcome">{i18n.t('welcome', { name: profile.displayName })}</p>
        <nav aria-label={i18n.t('menu')} className="menu">
          <a href={PATHS.summary} onClick={go('summary')} aria-current={current === 'summary' ? 'page' : undefined}>
            {i18n.t('summary')}
          </a>
          {changeDetails ? (
            <a href={PATHS['change-details']} onClick={go('change-details')} aria-current={current === 'change-details' ? 'page' : undefined}>
              {i18n.t('changeDetails')}
            </a>
          ) : null}
        </nav>
        {current === 'change-details' ? (
          <ChangeDetailsPage profile={profile} csrf={csrfToken} onProblem={onProblem} onChanged={() => void refresh()} />
        ) : (
          <SummaryPage onProblem={onProblem} />
        )}
      </>
    );
  }
  return (
    <>
      {header}
      <main className="content">{main}</main>
    </>
  );
}
