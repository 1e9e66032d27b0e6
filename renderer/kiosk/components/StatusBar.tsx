import { useI18n } from '../i18n/I18nProvider.js';
import type { PlainKey } from '../i18n/messages.js';

export type ReaderState = 'connected' | 'disconnected' | 'none';
export type SyncState = 'online' | 'offline' | 'syncing' | 'standalone';

const READER_TEXT: { readonly [S in ReaderState]: PlainKey } = {
  connected: 'status.reader.connected',
  disconnected: 'status.reader.disconnected',
  none: 'status.reader.none',
};
const SYNC_TEXT: { readonly [S in SyncState]: PlainKey } = {
  online: 'status.sync.online',
  offline: 'status.sync.offline',
  syncing: 'status.sync.syncing',
  standalone: 'status.sync.standalone',
};

/** Reader and central store state, always visible; words as well as colour (never colour alone). */
export function StatusBar(props: { readonly reader: ReaderState; readonly sync: SyncState; readonly initialSyncPercent?: number | undefined }) {
  const { t } = useI18n();
  return (
    <footer className="status-bar" aria-label={t('status.label')} data-testid="status-bar">
      <span className="app-name">{t('app.name')}</span>
      <span className={`status status-reader status-${props.reader}`} data-testid="status-reader" role="status">
        <span className="status-light" aria-hidden="true" />
        {t(READER_TEXT[props.reader])}
      </span>
      <span className={`status status-sync status-${props.sync}`} data-testid="status-sync" role="status">
        <span className="status-light" aria-hidden="true" />
        {props.initialSyncPercent !== undefined ? t('status.sync.initial')(props.initialSyncPercent) : t(SYNC_TEXT[props.sync])}
      </span>
    </footer>
  );
}
