import { NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { PATHS } from './paths.js';
import { useSession } from './SessionProvider.js';

const NAV: readonly { readonly to: string; readonly label: MessageKey; readonly sub?: boolean }[] = [
  { to: PATHS.general, label: 'nav.general', sub: true },
  { to: PATHS.configEditor, label: 'nav.configEditor', sub: true },
  { to: PATHS.users, label: 'nav.users' },
  { to: PATHS.kiosks, label: 'nav.kiosks' },
  { to: PATHS.audit, label: 'nav.audit' },
  { to: PATHS.account, label: 'nav.account' },
];

export function ConsoleLayout() {
  const { t } = useI18n();
  const { state, signOut } = useSession();
  const username = state.phase === 'signed-in' ? state.session.username : state.phase === 'expired' ? state.username : '';
  return (
    <div className="console">
      <a className="skip-link" href="#content">{t('app.skipToContent')}</a>
      <header className="console-header">
        <span className="brand">{t('app.title')}</span>
        <span className="header-tools">
          <LanguageSwitch />
          <span className="signed-in-as">{t('signedInAs')(username)}</span>
          <button type="button" onClick={() => void signOut()}>{t('signOut')}</button>
        </span>
      </header>
      <nav aria-label={t('nav.label')} className="console-nav">
        <ul>
          <li>
            <NavLink to="/options" className="nav-group">{t('nav.options')}</NavLink>
            <ul>
              {NAV.filter((item) => item.sub).map((item) => (
                <li key={item.to}><NavLink to={item.to}>{t(item.label) as string}</NavLink></li>
              ))}
            </ul>
          </li>
          {NAV.filter((item) => !item.sub).map((item) => (
            <li key={item.to}><NavLink to={item.to}>{t(item.label) as string}</NavLink></li>
          ))}
        </ul>
      </nav>
      <main id="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
