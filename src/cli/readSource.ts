import type { CentralAuditEvent } from '../central/services/centralAudit.js';
import type { EmbeddedReading } from '../central/embeddedReading.js';
import { toPublicUser, type ConfigValues, type PublicUser } from '../core/index.js';
import { kioskPaths } from '../store/index.js';
import { readEnrollment } from '../sync/index.js';
import type { ExistingUsers } from '../userImport/importPlan.js';
import type { PinPolicyCheck } from '../userImport/newUserFields.js';
import type { CliContext } from './cliCommand.js';
import { pinPolicyOf, withCliKiosk, type CliKiosk } from './cliKiosk.js';

/**
 * Where the CLI reads users and configuration: the store its writes go to (changeAuthority.ts), so
 * `users show` and `config get` show a change the moment `users add` or `config set` made it,
 * whether or not the kiosk runs. Standalone, that is the kiosk's own store; enrolled with the
 * central store `start` embeds here, that store; enrolled with one elsewhere, the kiosk's copy of
 * it (the CLI changes nothing there).
 */
export interface ReadSource {
  readonly where: 'kiosk' | 'embedded';
  findUser(username: string): Promise<PublicUser | undefined>;
  listUsers(query: { readonly search?: string; readonly limit: number; readonly offset: number }): Promise<readonly PublicUser[]>;
  /** Who holds a username or Card/ID number, for the checks before a user is added. */
  readonly existingUsers: ExistingUsers;
  configValues(): Promise<ConfigValues>;
  /** The PIN policy with the lengths configured here now. */
  pinPolicy(): Promise<PinPolicyCheck>;
  /** The embedded central store's audit (administrators' and the CLI's changes there); none on the kiosk. */
  centralAudit(query: { readonly username?: string; readonly limit?: number }): Promise<readonly CentralAuditEvent[]>;
}

export function kioskReadSource(kiosk: CliKiosk): ReadSource {
  const { users } = kiosk.store.uow.repos;
  const user = (found: ReturnType<typeof users.findByUsername>) => found && toPublicUser(found);
  return {
    where: 'kiosk',
    findUser: async (username) => user(users.findByUsername(username)),
    listUsers: async (query) => users.list(query).map(toPublicUser),
    existingUsers: users,
    configValues: async () => kiosk.store.configValues(),
    pinPolicy: async () => kiosk.pinPolicy(),
    centralAudit: async () => [],
  };
}

export function embeddedReadSource(read: EmbeddedReading): ReadSource {
  return {
    where: 'embedded',
    findUser: (username) => read.findUser(username),
    listUsers: (query) => read.listUsers(query),
    existingUsers: { findByUsername: (username) => read.findUser(username), findByCard: (card) => read.cardHolder(card), isCardTaken: (card) => read.isCardTaken(card) },
    configValues: () => read.configValues(),
    pinPolicy: async () => pinPolicyOf(await read.configValues()),
    centralAudit: (query) => read.audit(query),
  };
}

/** Opens this data directory's read source for one command (and the kiosk store, always) and closes both. */
export function withReadSource(ctx: CliContext, fn: (source: ReadSource, kiosk: CliKiosk) => Promise<number>): Promise<number> {
  return withCliKiosk(ctx.dataDir, async (kiosk) => {
    const enrollment = readEnrollment(kiosk.store);
    if (!enrollment) return fn(kioskReadSource(kiosk), kiosk);
    // Loaded on use, as for changes: the central store's code stays out of every other command's start.
    const { openEmbeddedReading } = await import('../central/embeddedReading.js');
    const central = await openEmbeddedReading(kioskPaths(ctx.dataDir).embeddedCentralDb, enrollment.siteId);
    if (!central) return fn(kioskReadSource(kiosk), kiosk);
    try {
      return await fn(embeddedReadSource(central), kiosk);
    } finally {
      await central.close();
    }
  });
}
