import type { ReaderStatus, SyncStatus } from '../../../src/contract/index.js';
import type { ReaderState, SyncState } from '../components/StatusBar.js';

/** One word for all readers: ready if any reader (or the keyboard wedge alone) can take a card. */
export function readerState(status: ReaderStatus): ReaderState {
  if (status.readers.some((reader) => reader.state === 'ready')) return 'connected';
  if (status.readers.length > 0) return 'disconnected';
  return status.keyboardWedge.enabled ? 'connected' : 'none';
}

export function syncState(status: SyncStatus): SyncState {
  if (status.mode === 'standalone') return 'standalone';
  if (!status.online) return 'offline';
  return status.pendingChanges > 0 ? 'syncing' : 'online';
}
