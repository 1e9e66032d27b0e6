import { useState } from 'react';
import type { ContractError, KioskApi } from '../../../src/contract/index.js';
import { KeypadScreen } from '../components/KeypadScreen.js';
import { useI18n } from '../i18n/I18nProvider.js';

/**
 * The technician PIN keypad. A wrong PIN says how many attempts are left; a lockout ends the
 * keypad (the host moves technician mode to off) and the gate shows why.
 */
export function TechnicianPinScreen(props: { readonly api: KioskApi; readonly onRefused: (error: ContractError) => void }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (pin: string) => {
    setBusy(true);
    const result = await props.api.technicianEnter({ pin });
    setBusy(false);
    if (result.ok) return;
    const left = result.error.details?.attemptsLeft;
    if (result.error.code === 'wrong-pin') setProblem(t('tech.pin.wrong')(typeof left === 'number' ? left : 0));
    else props.onRefused(result.error);
  };
  return (
    <div className="kiosk technician-pin">
      <main className="kiosk-main">
        <KeypadScreen
          testId="screen-technician-pin"
          title={t('tech.pin.title')}
          lead={t('tech.pin.lead')}
          problem={problem}
          masked
          fieldLabel={t('tech.pin.field')}
          keypadLabel={t('keypad.pinLabel')}
          minLength={1}
          maxLength={12}
          busy={busy}
          onCancel={() => void props.api.technicianLeave()}
          onSubmit={(pin) => void submit(pin)}
        />
      </main>
    </div>
  );
}
