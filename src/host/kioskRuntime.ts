import { chmodSync, mkdirSync } from 'node:fs';
import type { Logger } from 'pino';
import { createSelfService, type CentralCardAuthority } from '../core/index.js';
import { createArgon2PinHasher, cryptoRandomSource, kioskPaths, openKioskStore, systemClock, type KioskStore } from '../store/index.js';
import { DEMO_SEEDED_KEY, demoUserRows, demoUsersTable } from './demoUsers.js';
import { createKioskHost, type KioskHost } from './kioskHost.js';
import type { HostCardSource, ReaderInfo } from './readerBoard.js';
import { technicianHostDeps } from './technician/technicianWiring.js';

export interface KioskRuntimeOptions {
  readonly dataDir: string;
  readonly logger: Logger;
  /** Keystroke cards decoded in the renderer; on by default (the portable reader). */
  readonly keyboardWedge?: boolean;
  /** Writes the demo users into an empty data directory (the embedded default). On by default. */
  readonly seedDemoUsers?: boolean;
  /** Readers the host opens itself (serial, HID: src/devices CardSource). */
  readonly readers?: readonly { readonly source: HostCardSource; readonly info: ReaderInfo }[];
  /** Enrolled kiosks: Card/ID changes go through the central store (src/sync provides it). */
  readonly central?: CentralCardAuthority;
  readonly kioskId?: string | null;
  /** Where start-up lines for a person go (the demo users table); nothing when absent. */
  readonly announce?: (line: string) => void;
  /** Serial ports technician mode offers besides what the OS lists (pseudo-terminals are never listed). */
  readonly serialPaths?: readonly string[];
}

export interface KioskRuntime {
  readonly host: KioskHost;
  readonly store: KioskStore;
  /** True when this data directory holds the demo users. */
  readonly demo: boolean;
  close(): Promise<void>;
}

/**
 * The composition root of one kiosk (DESIGN §1): the data directory's store, the peppered argon2
 * hasher, the core SelfService, readers, and the host serving the contract. Electron and web mode
 * both start here, so both run exactly the same kiosk.
 */
export async function openKioskRuntime(options: KioskRuntimeOptions): Promise<KioskRuntime> {
  const paths = kioskPaths(options.dataDir);
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(paths.dataDir, 0o700);
  const store = openKioskStore({ file: paths.db, kioskId: options.kioskId ?? null });
  try {
    const hasher = await createArgon2PinHasher({ pepperFile: paths.pepper });
    if ((options.seedDemoUsers ?? true) && store.uow.repos.users.count() === 0 && store.kv.get(DEMO_SEEDED_KEY) === undefined) {
      const imported = store.importUsers(await demoUserRows(hasher), { username: 'demo-seed' });
      if (!imported.ok) throw new Error(`The demo users could not be written: ${imported.error.map((p) => p.reason).join('; ')}`);
      store.kv.set(DEMO_SEEDED_KEY, new Date(systemClock.now()).toISOString());
      options.logger.info({ users: imported.value.inserted }, 'seeded the demo users into an empty data directory');
    }
    const demo = store.kv.get(DEMO_SEEDED_KEY) !== undefined;
    if (demo && options.announce) for (const line of demoUsersTable()) options.announce(line);
    const selfService = createSelfService({
      uow: store.uow,
      hasher,
      clock: systemClock,
      random: cryptoRandomSource,
      kioskId: options.kioskId ?? null,
      ...(options.central ? { central: options.central } : {}),
    });
    const host = createKioskHost({
      selfService,
      config: store.uow.repos.config,
      kioskId: options.kioskId ?? null,
      logger: options.logger,
      keyboardWedge: options.keyboardWedge ?? true,
      technician: technicianHostDeps(store, hasher, options.serialPaths ?? []),
    });
    for (const reader of options.readers ?? []) host.attachReader(reader.source, reader.info);
    await host.technician?.startSavedReaders();
    return {
      host,
      store,
      demo,
      async close() {
        await host.close();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
