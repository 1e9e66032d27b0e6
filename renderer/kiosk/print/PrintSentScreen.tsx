import { useEffect, useState } from 'react';
import { ScreenTitle } from '../components/ScreenTitle.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface PrintDone {
  readonly kind: 'release' | 'delete';
  readonly printer: string;
  readonly acted: number;
  readonly gone: number;
  readonly printerCondition: 'ready' | 'stopped' | 'out-of-paper' | 'out-of-toner' | 'jammed' | 'door-open' | 'offline' | null;
  /** 0: stay signed in. */
  readonly logoutAfterSeconds: number;
}

/** "Sent to PRINTER", what the printer needs, and logout after the configured seconds unless the user taps. */
export function PrintSentScreen(props: { readonly done: PrintDone; readonly onStay: () => void; readonly onLogout: () => void }) {
  const { t } = useI18n();
  const { done } = props;
  const logoutAfter = done.kind === 'release' ? done.logoutAfterSeconds : 0;
  const [left, setLeft] = useState(logoutAfter);
  const { onLogout } = props;

  useEffect(() => {
    if (logoutAfter === 0) return undefined;
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, logoutAfter - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        onLogout();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [logoutAfter, onLogout]);

  return (
    <section className="screen print-screen" aria-labelledby="print-sent-title" data-testid="screen-print-sent">
      <ScreenTitle id="print-sent-title" live>
        {done.kind === 'release' ? t('print.sentTo')(done.printer) : t('print.deleted')(done.acted)}
      </ScreenTitle>
      {done.printerCondition && done.printerCondition !== 'ready' ? (
        <p className="problem" data-testid="print-condition">{t(`print.condition.${done.printerCondition}`)}</p>
      ) : null}
      {done.gone > 0 ? <p className="lead">{t('print.someGone')(done.gone)}</p> : null}
      {logoutAfter > 0 ? <p className="lead" aria-live="polite">{t('print.logoutIn')(left)}</p> : null}
      <div className="print-actions">
        <button type="button" className="button button-primary button-large" onClick={props.onStay}>
          {logoutAfter > 0 ? t('print.stay') : t('print.documents')}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onLogout}>
          {t('common.logout')}
        </button>
      </div>
    </section>
  );
}
