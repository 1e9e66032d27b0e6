import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { ErrorAlert } from './ErrorAlert.js';

/** Loading and failure of a query, said the same way on every screen. */
export function QueryState<T>(props: { readonly query: UseQueryResult<T>; readonly children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (props.query.isPending) return <p role="status">{t('app.loading')}</p>;
  if (props.query.isError) {
    return (
      <div>
        <ErrorAlert error={props.query.error} />
        <button type="button" onClick={() => void props.query.refetch()}>{t('common.retry')}</button>
      </div>
    );
  }
  return <>{props.children(props.query.data)}</>;
}
