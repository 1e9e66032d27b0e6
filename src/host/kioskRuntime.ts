import { chmodSync, mkdirSync } from 'node:fs';
import type { Logger } from 'pino';
import type { ReaderEntry, SyncStatus } from '../contract/index.js';
import { createSelfService, type CentralCardAuthority } from '../core/index.js';
import { kioskPaths, openKioskStore, type KioskStore } from '../store/index.js';
import { createArgon2PinHasher } from '../pinHashing/index.js';
import { cryptoRandomSource, systemClock } from '../platform/index.js';
import { readEnrollment } from '../sync/index.js';
import { DEMO_CENTRAL_SEEDED_KEY, DEMO_SEEDED_KEY, demoUserRows, demoUsersTable } from './demoUsers.js';
import { DeferredCardLinker } from './cardLinking.js';
import { createKioskHost, type KioskHost } from './kioskHost.js';
import { DeferredCentralAuthority, STANDALONE_SYNC, openKioskSyncLink, type CentralMode, type KioskSyncLink } from './kioskSyncLink.js';
import { startLocalExpirySweeper } from './print/localExpirySweeper.js';
import { runtimeKioskPrint } from './print/runtimeKioskPrint.js';
import type { HostCardSource, ReaderInfo } from './readerBoard.js';
import { technicianHostDeps } from './technician/technicianWiring.js';

/** Where the central store describes its admin API (README "Central store and sync"). */
const OPENAPI_PATH = '/api/v1/openapi.json';

export interface KioskRuntimeOptions {
  readonly dataDir: string;
  readonly logger: Logger;
  /** Keystroke cards decoded in the renderer; on by default (the portable reader). */
  readonly keyboardWedge?: boolean;
  /** Writes the demo users into an empty data directory or embedded central store. On by default. */
  readonly seedDemoUsers?: boolean;
  /**
   * `embedded`: a central store in this process (the default of `badgekiosk start`); `none`: an
   * enrolled kiosk syncs with its real central store, a kiosk never enrolled is standalone.
   * Default `none`, so library users (tests, the CLI) get no server they did not ask for.
   */
  readonly centralMode?: CentralMode;
  /** The serial reader given on the command line: run beside the saved profile's, technician mode shows it. */
  readonly givenAtStart?: ReaderEntry;
  /** Readers the host opens itself (serial, HID: src/devices CardSource). */
  readonly readers?: readonly { readonly source: HostCardSource; readonly info: ReaderInfo }[];
  /** Where start-up lines for a person go (the demo users table); nothing when absent. */
  readonly announce?: (line: string) => void;
  readonly version?: string;
  /**
   * An enrolled kiosk links to its central store in the background, this long after start-up, so
   * loading the central store's code does not hold up the first screen and the first swipe.
   */
  readonly backgroundLinkDelayMs?: number;
  /** Serial ports technician mode offers besides what the OS lists (pseudo-terminals are never listed). */
  readonly serialPaths?: readonly string[];
}

export interface KioskRuntime {
  readonly host: KioskHost;
  readonly store: KioskStore;
  /** Resolves once the link to the central store is up (at once for a standalone kiosk). */
  readonly linked: Promise<void>;
  /** True when this data directory holds the demo users. */
  readonly demo: boolean;
  close(): Promise<void>;
}

/** Standalone only: the local store is the authority, so the demo users go straight into it. */
async function seedLocalDemoUsers(store: KioskStore, hasher: Awaited<ReturnType<typeof createArgon2PinHasher>>, logger: Logger): Promise<void> {
  if (store.uow.repos.users.count() > 0 || store.kv.get(DEMO_SEEDED_KEY) !== undefined) return;
  const imported = store.importUsers(await demoUserRows(hasher), { username: 'demo-seed' });
  if (!imported.ok) throw new Error(`The demo users could not be written: ${imported.error.map((p) => p.reason).join('; ')}`);
  store.kv.set(DEMO_SEEDED_KEY, new Date(systemClock.now()).toISOString());
  logger.info({ users: imported.value.inserted }, 'seeded the demo users into an empty data directory');
}

/**
 * The composition root of one kiosk (DESIGN §1): the data directory's store, its link to the
 * central store, the peppered argon2 hasher, the core SelfService, readers, and the host serving
 * the contract. Electron and web mode both start here, so both run exactly the same kiosk.
 *
 * An enrolled kiosk serves sign-ins from its replica at once and links to the central store in
 * the background (it must work offline anyway). Only a first start with the embedded central
 * store waits for the link: enrollment brings the site's pepper and the first users.
 */
export async function openKioskRuntime(options: KioskRuntimeOptions): Promise<KioskRuntime> {
  const paths = kioskPaths(options.dataDir);
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(paths.dataDir, 0o700);
  const seedDemoUsers = options.seedDemoUsers ?? true;
  const mode = options.centralMode ?? 'none';
  const store = openKioskStore({ file: paths.db });
  const openLink = () =>
    openKioskSyncLink({ store, dataDir: paths.dataDir, mode, logger: options.logger, seedDemoUsers, ...(options.announce ? { announce: options.announce } : {}), ...(options.version ? { version: options.version } : {}) });
  let linking: Promise<KioskSyncLink | null> = Promise.resolve(null);
  try {
    const wasEnrolled = readEnrollment(store) !== null;
    let central: CentralCardAuthority | null = null;
    let initialSync: SyncStatus = STANDALONE_SYNC;
    const deferred = new DeferredCentralAuthority();
    const linker = new DeferredCardLinker();
    if (wasEnrolled) {
      const delay = options.backgroundLinkDelayMs ?? 0;
      linking = delay > 0 ? new Promise((resolve) => setTimeout(resolve, delay)).then(openLink) : openLink();
      central = deferred;
      initialSync = { mode: 'enrolled', online: false, lastSyncAt: null, pendingChanges: store.outbox.pending(1000).length };
    } else if (mode === 'embedded') {
      const link = await openLink();
      linking = Promise.resolve(link);
      central = link.central;
      initialSync = link.status();
      linker.connect(link.cardLinker);
    }
    const enrollment = readEnrollment(store);
    const kioskId = enrollment?.kioskId ?? null;
    const hasher = await createArgon2PinHasher({ pepperFile: paths.pepper });
    if (seedDemoUsers && central === null) await seedLocalDemoUsers(store, hasher, options.logger);
    const demo = store.kv.get(central === null ? DEMO_SEEDED_KEY : DEMO_CENTRAL_SEEDED_KEY) !== undefined;
    if (demo && options.announce) for (const line of demoUsersTable()) options.announce(line);
    const selfService = createSelfService({
      uow: store.uow,
      hasher,
      clock: systemClock,
      random: cryptoRandomSource,
      kioskId,
      ...(central ? { central } : {}),
    });
    const host = createKioskHost({
      selfService,
      config: store.uow.repos.config,
      kioskId,
      logger: options.logger,
      keyboardWedge: options.keyboardWedge ?? true,
      sync: initialSync,
      technician: technicianHostDeps(store, hasher, options.serialPaths ?? []),
      print: runtimeKioskPrint(store, paths.dataDir),
      ...(central ? { cardLinker: linker } : {}),
    });
    let stopStatus = () => undefined as unknown;
    const linked = linking.then(
      (link) => {
        if (!link) return;
        if (link.embeddedUrl) options.announce?.(`Embedded central store (admin API and ${OPENAPI_PATH}): ${link.embeddedUrl}`);
        deferred.connect(link.central);
        linker.connect(link.cardLinker);
        host.setSyncStatus(link.status());
        stopStatus = link.onStatus((status) => host.setSyncStatus(status));
      },
      (error: unknown) => {
        // The kiosk keeps serving from its replica; the status bar says offline.
        options.logger.error({ err: error }, 'the link to the central store could not be opened');
      },
    );
    for (const reader of options.readers ?? []) host.attachReader(reader.source, reader.info);
    await host.technician?.startSavedReaders(options.givenAtStart ?? null);
    const stopExpiry = startLocalExpirySweeper(store, paths.dataDir, options.logger);
    return {
      host,
      store,
      linked,
      demo,
      async close() {
        stopExpiry();
        await linked;
        stopStatus();
        await host.close();
        await (await linking.catch(() => null))?.close();
        store.close();
      },
    };
  } catch (error) {
    await (await linking.catch(() => null))?.close();
    store.close();
    throw error;
  }
}
