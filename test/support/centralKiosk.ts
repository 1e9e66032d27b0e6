import { createSelfService, type SelfService } from '../../src/core/index.js';
import { kioskPaths, openKioskStore, type KioskStore } from '../../src/store/index.js';
import { createArgon2PinHasher } from '../../src/pinHashing/index.js';
import { cryptoRandomSource, systemClock } from '../../src/platform/index.js';
import { createSyncClient, enrollKiosk, type SyncClient } from '../../src/sync/index.js';
import type { AdminSession } from './centralProcess.js';
import { removeDir, tempDir } from './centralProcess.js';

/**
 * A kiosk host in this process, in its own data dir: the real store (SQLite file), the real
 * argon2 hasher with the pepper from enrollment, SelfService and the sync client. Only the
 * Electron shell and the renderer are left out.
 */
export interface TestKiosk {
  readonly name: string;
  readonly dataDir: string;
  readonly kioskId: string;
  readonly store: KioskStore;
  readonly sync: SyncClient;
  readonly self: SelfService;
  close(): Promise<void>;
}

export interface TestKioskOptions {
  readonly pullIntervalMs?: number;
  readonly cardChangeTimeoutMs?: number;
  readonly cardChangeOutcomeWindowMs?: number;
}

export async function enrollTestKiosk(centralUrl: string, admin: AdminSession, name: string, options: TestKioskOptions = {}): Promise<TestKiosk> {
  const created = await admin.call('POST', '/api/v1/admin/kiosks', { name });
  if (created.status !== 201) throw new Error(`kiosk create failed: ${JSON.stringify(created.body)}`);
  return enrollTestKioskWithCode(centralUrl, created.body.enrollmentCode as string, name, options);
}

/** The same kiosk host, enrolled with a code an administrator already has (from the admin console, say). */
export async function enrollTestKioskWithCode(centralUrl: string, code: string, name: string, options: TestKioskOptions = {}): Promise<TestKiosk> {
  const dataDir = await tempDir(`bk-kiosk-${name}-`);
  const store = openKioskStore({ file: kioskPaths(dataDir).db });
  const enrollment = await enrollKiosk({ store, dataDir, centralUrl, code, version: 'test' });
  const sync = (await createSyncClient({
    store, dataDir, version: 'test', backoff: { baseMs: 100, maxMs: 800 }, pullIntervalMs: options.pullIntervalMs ?? 2_000, // Generous: a loaded test machine must not turn a slow answer into 'central-unreachable'.
    cardChangeTimeoutMs: options.cardChangeTimeoutMs ?? 20_000,
    ...(options.cardChangeOutcomeWindowMs !== undefined ? { cardChangeOutcomeWindowMs: options.cardChangeOutcomeWindowMs } : {}),
  }))!;
  await sync.syncNow();
  sync.start();
  const hasher = await createArgon2PinHasher({ pepperFile: kioskPaths(dataDir).pepper });
  const self = createSelfService({ uow: store.uow, hasher, clock: systemClock, random: cryptoRandomSource, kioskId: enrollment.kioskId, central: sync });
  return {
    name, dataDir, kioskId: enrollment.kioskId, store, sync, self,
    async close() {
      await sync.stop();
      store.close();
      await removeDir(dataDir);
    },
  };
}
