import type { ConfigValues, PublicUser } from '../core/index.js';
import { toPublicUser } from '../core/index.js';
import { openEmbeddedCentralFile } from './embeddedCentralFile.js';
import { searchUsers } from './services/adminUsers.js';
import { queryAudit, type CentralAuditEvent } from './services/centralAudit.js';
import { readConfig } from './services/centralConfig.js';
import { findUserRowByUsername, isCardTaken, toUser } from './services/userRows.js';
import { visibleUser } from './services/visibleUsers.js';
import type { CentralStorage } from './storage/centralStorage.js';

/**
 * What the CLI reads from the central store `badgekiosk start` embeds in a data directory: the
 * users, configuration and audit its own writes (embeddedAdministration.ts) go to, so a read right
 * after a write shows it whether or not the kiosk runs and has pulled the change yet.
 */
export interface EmbeddedReading {
  findUser(username: string): Promise<PublicUser | undefined>;
  /** By username; `search` as the admin API's (part of username, name or email, or a whole Card/ID number). */
  listUsers(query: { readonly search?: string; readonly limit: number; readonly offset: number }): Promise<readonly PublicUser[]>;
  /** Who holds a Card/ID number: for the checks before users are added. */
  cardHolder(cardNumber: string): Promise<{ readonly username: string } | undefined>;
  isCardTaken(cardNumber: string): Promise<boolean>;
  configValues(): Promise<ConfigValues>;
  /** Newest first; every event when no limit is given. */
  audit(query: { readonly username?: string; readonly limit?: number }): Promise<readonly CentralAuditEvent[]>;
}

export interface ClosableEmbeddedReading extends EmbeddedReading {
  close(): Promise<void>;
}

export function embeddedReading(storage: CentralStorage): EmbeddedReading {
  const { db } = storage;
  const publicUser = (row: Parameters<typeof toUser>[0]) => toPublicUser(toUser(row));
  return {
    async findUser(username) {
      const row = await findUserRowByUsername(db, username);
      return row && publicUser(row);
    },
    async listUsers({ search, limit, offset }) {
      if (search !== undefined) return (await searchUsers(db, { search, limit, offset }, storage.dialect)).users;
      const rows = await db.selectFrom('users').selectAll().where(visibleUser()).orderBy('username').limit(limit).offset(offset).execute();
      return rows.map(publicUser);
    },
    async cardHolder(cardNumber) {
      return db
        .selectFrom('card_numbers')
        .innerJoin('users', 'users.id', 'card_numbers.user_id')
        .select('users.username')
        .where('card_numbers.number', '=', cardNumber)
        .executeTakeFirst();
    },
    isCardTaken: (cardNumber) => isCardTaken(db, cardNumber),
    configValues: () => readConfig(db),
    audit: ({ username, limit }) => queryAudit(db, { ...(username === undefined ? {} : { username }), limit: limit ?? Number.MAX_SAFE_INTEGER }),
  };
}

/** Undefined as for openEmbeddedCentralFile: no embedded central store of the kiosk's site here. */
export async function openEmbeddedReading(databaseFile: string, siteId: string): Promise<ClosableEmbeddedReading | undefined> {
  const storage = await openEmbeddedCentralFile(databaseFile, siteId);
  return storage && { ...embeddedReading(storage), close: () => storage.close() };
}
