import { appendAudit } from './services/centralAudit.js';
import { importUsersCsv, type CentralImportOutcome } from './services/centralUserImport.js';
import { createKiosk } from './services/kioskRegistry.js';
import { visibleUser } from './services/visibleUsers.js';
import { ADMIN_CONSOLE_PREFIX } from './http/webAppDir.js';
import { startCentral, type RunningCentral } from './startCentral.js';

export interface EmbeddedCentralOptions {
  /** The SQLite file of the embedded central store (the host passes <dataDir>/central/central.sqlite). */
  readonly databaseFile: string;
  /** The site secret: the kiosk's own pepper file, so enrolling with the embedded store changes no PIN. */
  readonly pepperFile: string;
  /** pino level for the embedded server's logs (default: none). */
  readonly logLevel?: string | false;
}

export interface EmbeddedCentral {
  /** http://127.0.0.1:<random port> */
  readonly url: string;
  /** The admin console of this central store (http://127.0.0.1:<port>/admin/). */
  readonly adminConsoleUrl: string;
  readonly siteId: string;
  /** A one-time enrollment code for a new kiosk record, as an administrator would create. */
  createEnrollmentCode(kioskName: string): Promise<string>;
  /** Same format and all-or-nothing rule as `badgekiosk users import` (demo users, first start). */
  importUsersCsv(csv: string): Promise<CentralImportOutcome>;
  /** Number of users the central store holds. */
  userCount(): Promise<number>;
  close(): Promise<void>;
  readonly central: RunningCentral;
}

/**
 * A central store inside the kiosk process, on SQLite in the kiosk's data dir, listening on
 * loopback only (the kiosk opens no other port, DESIGN §6). It shares the kiosk's pepper file, so
 * enrolling the kiosk with it changes no PIN. `badgekiosk start` uses it when the kiosk is not
 * enrolled with a real central store; see connectEmbeddedKiosk in src/sync.
 */
export async function startEmbeddedCentral(options: EmbeddedCentralOptions): Promise<EmbeddedCentral> {
  const central = await startCentral({
    db: `sqlite:${options.databaseFile}`,
    host: '127.0.0.1',
    port: 0,
    pepperFile: options.pepperFile,
    logLevel: options.logLevel ?? false,
  });
  const { ctx } = central;
  const system = { username: 'embedded' };
  return {
    url: central.url,
    adminConsoleUrl: `${central.url}${ADMIN_CONSOLE_PREFIX}`,
    siteId: ctx.siteId,
    central,
    async createEnrollmentCode(kioskName) {
      const now = ctx.clock.now();
      return ctx.storage.write(async (tx) => {
        const created = await createKiosk(tx, ctx.random.uuid(), kioskName, now);
        await appendAudit(tx.db, {
          id: ctx.random.uuid(), at: now, kind: 'kiosk.create', outcome: 'success', userId: null, username: null,
          kioskId: created.kiosk.id, actor: system.username, code: null, details: { name: kioskName, embedded: true },
        });
        return created.code;
      });
    },
    importUsersCsv(csv) {
      return importUsersCsv(csv, { storage: ctx.storage, pinHasher: ctx.pinHasher, hashConcurrency: 2, clock: ctx.clock, random: ctx.random }, system);
    },
    async userCount() {
      const row = await ctx.storage.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where(visibleUser()).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    close: () => central.close(),
  };
}
