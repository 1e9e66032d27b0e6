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
 * The screen after sign-in. With printing set up (or set up but unreachable) it is the job list;
 * a kiosk with no print server at all keeps the PIN and Card/ID actions as its home and says in
 * one line how printing is set up, so nobody has to tap "Account" to reach the only things they can do.
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

  useEffect(() => {
    void reload();
  }, [reload]);

  if (answer?.status === 'not-configured') {
    return (
      <div className="screen">
        <HomeScreen {...props.home} />
        <p className="info" data-testid="print-not-configured">
          {t('print.notConfigured')} <span className="print-command">{answer.command}</span>
        </p>
      </div>
    );
  }
  return <PrintJobsScreen api={api} answer={answer} reload={reload} released={released} displayName={props.home.displayName} onAccount={props.onAccount} onLogout={props.home.onLogout} />;
}
