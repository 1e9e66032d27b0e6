import { ApiError } from '../api/adminApi.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** A refusal, in the server's own words when it gave any, in an element with role alert. */
export function ErrorAlert(props: { readonly error: unknown }) {
  const { t } = useI18n();
  const message = props.error instanceof ApiError ? t('common.error')(props.error.message) : t('common.failedToLoad');
  return <p role="alert" className="alert">{message}</p>;
}
