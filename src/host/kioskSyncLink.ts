import type { Logger } from 'pino';
import type { SyncStatus as ContractSyncStatus } from '../contract/index.js';
import type { EmbeddedCentral } from '../central/embeddedCentral.js';
import { domainError, err, type CentralCardAuthority } from '../core/index.js';
import { kioskPaths, type KioskStore } from '../store/index.js';
import {
  CENTRAL_UNREACHABLE_MESSAGE, connectEmbeddedKiosk, createSyncClient, initialSyncPercent, readEnrollment, type SyncClient, type SyncStatus,
} from '../sync/index.js';
import type { CardLinker } from './cardLinking.js';
import { DEMO_CENTRAL_SEEDED_KEY, demoUsersCsv } from './demoUsers.js';

/**
 * Where the kiosk's users come from (DESIGN §5):
 * - `embedded`: a central store inside this process on SQLite in the data dir (the embedded
 *   default of `badgekiosk start`), which this kiosk enrolls with on first start; a kiosk
 *   enrolled with a real central store uses that one instead.
 * - `none`: no embedded central store; an enrolled kiosk still syncs with its real one, a kiosk
 *   never enrolled is standalone and its local store is the authority.
 */
export type CentralMode = 'embedded' | 'none';

export interface KioskSyncLink {
  /** Card/ID changes go through the central store while enrolled. */
  readonly central: CentralCardAuthority | null;
  /** Card self-association goes to the central store too (null when standalone). */
  readonly cardLinker: CardLinker | null;
  /** The embedded central store's address while this process runs one (its port is new at every start). */
  readonly embeddedUrl: string | null;
  status(): ContractSyncStatus;
  onStatus(listener: (status: ContractSyncStatus) => void): () => void;
  close(): Promise<void>;
}

export const STANDALONE_SYNC: ContractSyncStatus = { mode: 'standalone', online: false, lastSyncAt: null, pendingChanges: 0 };

/** The status bar's view of the sync client: online while the central store answers. */
export function contractSyncStatus(status: SyncStatus): ContractSyncStatus {
  if (status.state === 'standalone') return STANDALONE_SYNC;
  const percent = initialSyncPercent(status);
  return {
    mode: 'enrolled',
    online: status.state === 'online' || status.state === 'initial-sync',
    lastSyncAt: status.lastSyncAt,
    pendingChanges: status.pending,
    ...(percent !== null ? { initialSyncPercent: percent } : {}),
  };
}

export interface OpenSyncLinkOptions {
  readonly store: KioskStore;
  readonly dataDir: string;
  readonly mode: CentralMode;
  readonly logger: Logger;
  /** Writes the demo users into an empty embedded central store. */
  readonly seedDemoUsers: boolean;
  /** Where start-up lines for a person go (the admin console's address); nothing when absent. */
  readonly announce?: (line: string) => void;
  readonly version?: string;
}

async function seedEmbeddedCentral(embedded: EmbeddedCentral, store: KioskStore, logger: Logger): Promise<void> {
  if (store.kv.get(DEMO_CENTRAL_SEEDED_KEY) !== undefined || (await embedded.userCount()) > 0) return;
  const outcome = await embedded.importUsersCsv(demoUsersCsv());
  if (!outcome.ok) throw new Error(`The demo users could not be written to the embedded central store: ${JSON.stringify(outcome.problems)}`);
  store.kv.set(DEMO_CENTRAL_SEEDED_KEY, new Date().toISOString());
  logger.info({ users: outcome.imported }, 'seeded the demo users into the embedded central store');
}

/**
 * Links the kiosk to its central store before the host starts: runs the embedded one when asked,
 * enrolls with it on first start, and makes one push-and-pull so the replica is current at
 * swipe-ready. Returns the standalone link when there is no central store at all.
 */
export async function openKioskSyncLink(options: OpenSyncLinkOptions): Promise<KioskSyncLink> {
  const { store, logger } = options;
  let embedded: EmbeddedCentral | null = null;
  if (options.mode === 'embedded') {
    // Loaded on use: the central store's server packages would otherwise delay every start.
    const { startEmbeddedCentral } = await import('../central/embeddedCentral.js');
    const paths = kioskPaths(options.dataDir);
    embedded = await startEmbeddedCentral({ databaseFile: paths.embeddedCentralDb, pepperFile: paths.pepper, logLevel: false });
    const enrollment = readEnrollment(store);
    if (enrollment && enrollment.siteId !== embedded.siteId) {
      // Enrolled with a real central store: the embedded one has nothing to do.
      await embedded.close();
      embedded = null;
    } else {
      if (options.seedDemoUsers) await seedEmbeddedCentral(embedded, store, logger);
      const connection = await connectEmbeddedKiosk(embedded, { store, dataDir: options.dataDir, ...(options.version ? { version: options.version } : {}) });
      logger.info({ connection, central: embedded.url }, 'linked to the embedded central store');
      // No setup page exists (whoever reached it first would own the site): administrators come from the CLI.
      options.announce?.(`Admin console: ${embedded.adminConsoleUrl}`);
      options.announce?.(`  First administrator: badgekiosk --data-dir ${options.dataDir} central admin create --username NAME`);
    }
  }
  let client: SyncClient | null;
  try {
    client = await createSyncClient({ store, dataDir: options.dataDir, ...(options.version ? { version: options.version } : {}) });
  } catch (error) {
    await embedded?.close();
    throw error;
  }
  if (!client) {
    await embedded?.close();
    return { central: null, cardLinker: null, embeddedUrl: null, status: () => STANDALONE_SYNC, onStatus: () => () => undefined, close: async () => undefined };
  }
  const sync = client;
  await sync.syncNow();
  sync.start();
  return {
    central: sync,
    cardLinker: sync,
    embeddedUrl: embedded?.url ?? null,
    status: () => contractSyncStatus(sync.status()),
    onStatus(listener) {
      return sync.onEvent((event) => {
        if (event.type === 'status') listener(contractSyncStatus(event.status));
        // A first sync of a large site takes a while: the screen shows how far it got, page by page.
        if (event.type === 'progress' && sync.status().state === 'initial-sync') listener(contractSyncStatus(sync.status()));
        if (event.type === 'rejected') logger.warn({ command: event.command, code: event.code }, 'the central store refused a queued change');
      });
    },
    async close() {
      await sync.stop();
      await embedded?.close();
    },
  };
}

/**
 * The central store's card authority before the link is up: an enrolled kiosk serves sign-ins
 * from its replica at once, and a Card/ID change asked for in the first moments is answered
 * "central store unreachable", exactly as when the network is down.
 */
export class DeferredCentralAuthority implements CentralCardAuthority {
  private target: CentralCardAuthority | null = null;

  connect(target: CentralCardAuthority | null): void {
    this.target = target;
  }

  requestCardChange(request: Parameters<CentralCardAuthority['requestCardChange']>[0]): ReturnType<CentralCardAuthority['requestCardChange']> {
    if (this.target) return this.target.requestCardChange(request);
    return Promise.resolve(err(domainError('central-unreachable', CENTRAL_UNREACHABLE_MESSAGE)));
  }
}

