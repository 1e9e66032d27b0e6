import { useCallback, useEffect, useState } from 'react';
import type { KioskApi, PrintActionOutput, PrintJobsOutput } from '../../../src/contract/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { HomeScreen, type HomeScreenProps } from '../screens/HomeScreen.js';
import { PrintJobsScreen } from './PrintJobsScreen.js';

export interface SignedInHomeProps {
  readonly api: KioskApi;
  readonly home: HomeScreenProps;
  readonly onAccount: () => void;
}

/**
 * The screen after sign-in. With printing working it is the job list; when printing cannot be used
 * (no print server set up, or the server or central store unreachable) home is the PIN and Card/ID
 * actions that still work, with one line about printing, so nobody taps "Account" to reach them.
 */
export function SignedInHome(props: SignedInHomeProps) {
  const { t } = useI18n();
  const { api } = props;
  const [answer, setAnswer] = useState<PrintJobsOutput | null>(null);
  const [released, setReleased] = useState<PrintActionOutput | null>(null);
  const reload = useCallback(async () => {
    const result = await api.printJobs();
    if (result.ok && result.value.status === 'ok' && result.value.releaseAllNow) {
      const sent = await api.printRelease({ selection: { all: true } });
      if (sent.ok) setReleased(sent.value);
    }
    setAnswer(result.ok ? result.value : { status: 'unavailable' });
  }, [api]);

  // An enrolled kiosk that already knows its central store is unreachable does not wait on it.
  const offline = props.home.centralOffline === true;
  useEffect(() => {
    if (offline) setAnswer({ status: 'unavailable' });
    else void reload();
  }, [reload, offline]);

  // When printing cannot be used, home is what still works (PIN, Card/ID) with one line about printing.
  if (answer?.status === 'not-configured' || answer?.status === 'unavailable') {
    return (
      <div className="screen">
        <HomeScreen {...props.home} />
        {answer.status === 'unavailable' ? (
          <p className="info" data-testid="print-unavailable">{t('print.unavailable')}</p>
        ) : (
          <p className="info" data-testid="print-not-configured">
            {t('print.notConfigured')} <span className="print-command">{answer.command}</span>
          </p>
        )}
      </div>
    );
  }
  return <PrintJobsScreen api={api} answer={answer} reload={reload} released={released} displayName={props.home.displayName} onAccount={props.onAccount} onLogout={props.home.onLogout} />;
}
