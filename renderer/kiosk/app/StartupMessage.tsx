import { I18nProvider, useI18n } from '../i18n/I18nProvider.js';
import type { PlainKey } from '../i18n/messages.js';

function Message(props: { readonly messageKey: PlainKey }) {
  const { t } = useI18n();
  return (
    <main className="kiosk-main startup" role="status" data-testid="startup">
      <p className="lead">{t(props.messageKey)}</p>
    </main>
  );
}

/** Before the host answers, the kiosk's language is not known yet: English. */
export function StartupMessage(props: { readonly messageKey: PlainKey }) {
  return (
    <I18nProvider initial="en">
      <Message messageKey={props.messageKey} />
    </I18nProvider>
  );
}
