import { useI18n } from '../i18n/I18nProvider.js';
import { ErrorAlert } from './ErrorAlert.js';

/** Under a button: the server's refusal in an alert, or a short "Saved." once it is done. */
export function ActionOutcome(props: { readonly action: { readonly error: unknown; readonly done: boolean } }) {
  const { t } = useI18n();
  if (props.action.error !== null) return <ErrorAlert error={props.action.error} />;
  return props.action.done ? <p role="status" className="success">{t('user.saved')}</p> : null;
}
