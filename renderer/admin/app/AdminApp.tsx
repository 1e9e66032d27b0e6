import { useMemo } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ConfigEditorScreen } from '../screens/ConfigEditorScreen.js';
import { AccountScreen } from '../screens/AccountScreen.js';
import { AuditScreen } from '../screens/AuditScreen.js';
import { GeneralOptionsScreen } from '../screens/GeneralOptionsScreen.js';
import { ImportUsersScreen } from '../screens/ImportUsersScreen.js';
import { KiosksScreen } from '../screens/KiosksScreen.js';
import { SignInScreen } from '../screens/SignInScreen.js';
import { UserScreen } from '../screens/UserScreen.js';
import { UsersScreen } from '../screens/UsersScreen.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ConsoleLayout } from './ConsoleLayout.js';
import { PATHS } from './paths.js';
import { useSession } from './SessionProvider.js';

function ConsoleRoutes() {
  const router = useMemo(
    () =>
      createBrowserRouter(
        [
          {
            element: <ConsoleLayout />,
            children: [
              { index: true, element: <Navigate to={PATHS.general} replace /> },
              { path: 'options', element: <Navigate to={PATHS.general} replace /> },
              { path: PATHS.general, element: <GeneralOptionsScreen /> },
              { path: PATHS.configEditor, element: <ConfigEditorScreen /> },
              { path: PATHS.users, element: <UsersScreen /> },
              { path: PATHS.importUsers, element: <ImportUsersScreen /> },
              { path: `${PATHS.users}/:id`, element: <UserScreen /> },
              { path: PATHS.kiosks, element: <KiosksScreen /> },
              { path: PATHS.audit, element: <AuditScreen /> },
              { path: PATHS.account, element: <AccountScreen /> },
              { path: '*', element: <Navigate to={PATHS.general} replace /> },
            ],
          },
        ],
        { basename: '/admin' },
      ),
    [],
  );
  return <RouterProvider router={router} />;
}

export function AdminApp() {
  const { state } = useSession();
  const { t } = useI18n();
  if (state.phase === 'checking') return <p className="loading" role="status">{t('app.loading')}</p>;
  if (state.phase === 'signed-out') return <SignInScreen />;
  // An expired session keeps the console mounted (inert, behind the sign-in dialog), so a form
  // half filled in is still there after signing in again.
  return (
    <>
      <div inert={state.phase === 'expired'}>
        <ConsoleRoutes />
      </div>
      {state.phase === 'expired' && <SignInScreen expiredFor={state.username} />}
    </>
  );
}
