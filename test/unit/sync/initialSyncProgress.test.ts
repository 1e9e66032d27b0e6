import { contractSyncStatus } from '../../../src/host/kioskSyncLink.js';
import { initialSyncPercent, type SyncStatus } from '../../../src/sync/index.js';

const status = (over: Partial<SyncStatus>): SyncStatus => ({
  state: 'online', centralUrl: 'http://127.0.0.1:1', kioskId: 'k1', cursor: 0, latest: 0, pending: 0, live: true, lastSyncAt: null, lastError: null, ...over,
});

describe('progress of the first full sync (issue 10, item 6)', () => {
  it('is the applied share of the sequence while the first sync runs, and absent afterwards', () => {
    expect(initialSyncPercent(status({ state: 'initial-sync', cursor: 420_000, latest: 1_000_000 }))).toBe(42);
    expect(initialSyncPercent(status({ state: 'initial-sync', cursor: 0, latest: 0 }))).toBe(0);
    expect(initialSyncPercent(status({ state: 'initial-sync', cursor: 10, latest: 5 }))).toBe(100);
    expect(initialSyncPercent(status({ state: 'online', cursor: 5, latest: 10 }))).toBeNull();
  });

  it('reaches the kiosk screen through the contract status', () => {
    expect(contractSyncStatus(status({ state: 'initial-sync', cursor: 250, latest: 1_000 }))).toMatchObject({ mode: 'enrolled', initialSyncPercent: 25 });
    expect(contractSyncStatus(status({ state: 'online' }))).not.toHaveProperty('initialSyncPercent');
  });
});
