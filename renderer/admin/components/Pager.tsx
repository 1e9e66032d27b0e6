import { useI18n } from '../i18n/I18nProvider.js';

/** Previous / next over a server-side list: "1–50 of 100,000". */
export function Pager(props: { readonly offset: number; readonly pageSize: number; readonly shown: number; readonly total?: number; onOffset(offset: number): void }) {
  const { t, formatNumber } = useI18n();
  const { offset, pageSize, shown, total } = props;
  const hasNext = total === undefined ? shown === pageSize : offset + shown < total;
  return (
    <div className="pager">
      {total !== undefined && (
        <span role="status">{shown === 0 ? t('common.noResults') : t('common.range')(formatNumber(offset + 1), formatNumber(offset + shown), formatNumber(total))}</span>
      )}
      <button type="button" className="secondary" disabled={offset === 0} onClick={() => props.onOffset(Math.max(0, offset - pageSize))}>{t('common.previous')}</button>
      <button type="button" className="secondary" disabled={!hasNext} onClick={() => props.onOffset(offset + pageSize)}>{t('common.next')}</button>
    </div>
  );
}
