import { changesAdminState, toPublicUser, type NewUser, type PublicUser, type Result, type UserAdminAction } from '../core/index.js';
import { cryptoRandomSource, systemClock } from '../platform/index.js';
import { createUser, deleteUser, resetPin, unlockUser, updateUser, type AdminWriteContext } from './services/adminUsers.js';
import { insertNewUsers } from './services/centralUserImport.js';
import { setConfigAudited, setTechnicianPinHash, type ConfigChange, type TechnicianPinChange } from './services/centralConfig.js';
import { findUserRowByUsername, toUser } from './services/userRows.js';
import { openEmbeddedCentralFile } from './embeddedCentralFile.js';
import { embeddedReading, type EmbeddedReading } from './embeddedReading.js';
import type { WriteTx } from './storage/centralStorage.js';

/**
 * The CLI's way into the central store `badgekiosk start` embeds in a data directory: the admin
 * services (users, configuration) on its SQLite file, from another process. Whether the kiosk runs or not does not
 * matter: a running one notices the commit (PRAGMA data_version) and its kiosk pulls at once; a
 * stopped one pulls at its next start.
 */
export interface EmbeddedAdministration {
  /** The same store, read: what the changes below are checked against and what `show`/`list` print. */
  readonly read: EmbeddedReading;
  /** One user, as the admin API's create (audited `user.add`). */
  addUser(user: NewUser): Promise<{ ok: true } | { ok: false; problems: readonly { index: number; reason: string }[] }>;
  /** All users in one transaction, or none, as the admin API's CSV import; problems index into `users`. */
  importUsers(users: readonly NewUser[]): Promise<{ ok: true } | { ok: false; problems: readonly { index: number; reason: string }[] }>;
  administer(username: string, action: UserAdminAction): Promise<Result<{ readonly user: PublicUser; readonly changed: boolean }, 'not-found'>>;
  /** Validated like the admin API's PUT config/{name}; audited as `config.set`. */
  setConfig(name: string, raw: string): Promise<Result<ConfigChange, string>>;
  /** As the admin API's technician-pin routes: the hash of every kiosk's technician PIN ('' clears it). */
  setTechnicianPinHash(hash: string, what: TechnicianPinChange): Promise<Result<ConfigChange, string>>;
  close(): Promise<void>;
}

/**
 * Undefined when this data directory holds no embedded central store of the site the kiosk is
 * enrolled with (never started with one, or since enrolled with another central store).
 */
export async function openEmbeddedAdministration(databaseFile: string, siteId: string, actor: string): Promise<EmbeddedAdministration | undefined> {
  const storage = await openEmbeddedCentralFile(databaseFile, siteId);
  if (!storage) return undefined;
  const inTransaction = <T>(fn: (ctx: AdminWriteContext) => Promise<T>) =>
    storage.write((tx: WriteTx) => fn({ tx, actor: { username: actor }, now: systemClock.now(), random: cryptoRandomSource }));
  return {
    read: embeddedReading(storage),
    async addUser(user) {
      const created = await inTransaction((ctx) => createUser(ctx, user));
      return created.ok ? { ok: true } : { ok: false, problems: [{ index: 0, reason: created.error.message }] };
    },
    importUsers: (users) => inTransaction((ctx) => insertNewUsers(ctx, users)),
    administer(username, action) {
      return inTransaction(async (ctx) => {
        const row = await findUserRowByUsername(ctx.tx.db, username);
        if (!row) return { ok: false, error: 'not-found' } as const;
        const before = toUser(row);
        if (action !== 'delete' && !changesAdminState(before, action)) return { ok: true, value: { user: toPublicUser(before), changed: false } } as const;
        const done =
          action === 'delete' ? await deleteUser(ctx, row.id)
          : action === 'unlock' ? await unlockUser(ctx, row.id)
          : action === 'pin-reset' ? await resetPin(ctx, row.id)
          : await updateUser(ctx, row.id, { disabled: action === 'disable' });
        if (!done.ok) throw new Error(done.error.message);
        // After delete, the user as they were.
        return { ok: true, value: { user: done.value ?? toPublicUser(before), changed: true } } as const;
      });
    },
    setConfig: (name, raw) => inTransaction((ctx) => setConfigAudited(ctx, name, raw)),
    setTechnicianPinHash: (hash, what) => inTransaction((ctx) => setTechnicianPinHash(ctx, hash, what)),
    close: () => storage.close(),
  };
}
