import type { LiveRecord } from '../../../src/contract/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { PlainKey } from '../i18n/messages.js';
import { asciiOfHex, LIVE_VIEW_SIZE, recordsOf } from './recordView.js';

const VERDICT: { readonly [V in LiveRecord['verdict']]: PlainKey } = {
  card: 'tech.live.verdict.card',
  duplicate: 'tech.live.verdict.duplicate',
  rejected: 'tech.live.verdict.rejected',
  noise: 'tech.live.verdict.noise',
};

/**
 * Everything the selected reader sent while technician mode is open, newest first: the bytes as
 * hex and ASCII, the framer's verdict (and why it refused), and the Card/ID number after the pipeline.
 */
export function LiveView(props: { readonly records: readonly LiveRecord[]; readonly readerId: string | null }) {
  const { t, language } = useI18n();
  // Seconds matter here: several reads arrive within one minute.
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const shown = recordsOf(props.records, props.readerId);
  return (
    <section className="technician-page" aria-labelledby="live-title" data-testid="technician-live">
      <h2 id="live-title">{t('tech.live.title')}</h2>
      <p className="technician-hint">{t('tech.live.hint')(LIVE_VIEW_SIZE)}</p>
      {shown.length === 0 ? (
        <p className="info" data-testid="live-empty">
          {t('tech.live.empty')}
        </p>
      ) : (
        <table className="technician-table live-table">
          <thead>
            <tr>
              <th scope="col">{t('tech.live.time')}</th>
              <th scope="col">{t('tech.live.verdict')}</th>
              <th scope="col">{t('tech.live.hex')}</th>
              <th scope="col">{t('tech.live.ascii')}</th>
              <th scope="col">{t('tech.live.result')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((record) => (
              <tr key={record.seq} className={`live-row verdict-${record.verdict}`} data-testid="live-record" data-verdict={record.verdict}>
                <td>{time.format(new Date(record.at))}</td>
                <td>
                  <span className={`verdict-badge verdict-badge-${record.verdict}`}>{t(VERDICT[record.verdict])}</span>
                </td>
                <td className="mono" data-testid="live-hex">{record.frameHex}</td>
                <td className="mono" data-testid="live-ascii">{asciiOfHex(record.frameHex)}</td>
                <td data-testid="live-result">
                  {record.cardNumber !== null ? (
                    <strong className="mono">{record.cardNumber}</strong>
                  ) : record.reason !== null ? (
                    <span className="live-reason">{t('tech.live.why')(record.reason)}</span>
                  ) : record.count !== null ? (
                    t('tech.live.skipped')(record.count)
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
