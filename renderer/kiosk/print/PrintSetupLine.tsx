import { useEffect, useState } from 'react';
import type { KioskApi, PrintSetupStatus } from '../../../src/contract/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import './print.css';

/** Technician mode: one line saying where this kiosk prints, or the command that sets printing up. */
export function PrintSetupLine(props: { readonly api: KioskApi }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<PrintSetupStatus | null>(null);
  useEffect(() => {
    void props.api.printSetupStatus().then((result) => setStatus(result.ok ? result.value : null));
  }, [props.api]);
  if (!status) return null;
  return (
    <p className="info print-setup-line" data-testid="technician-print-setup">
      {status.status === 'ready' ? t('print.setup.ready')(status.printer) : null}
      {status.status === 'central' ? t('print.setup.central')(status.url) : null}
      {status.status === 'not-configured' ? (
        <>
          {t('print.notConfigured')} <span className="print-command">{status.command}</span>
        </>
      ) : null}
    </p>
  );
}
