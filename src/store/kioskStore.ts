import Database from 'better-sqlite3';
import {
  auditEvent,
  configKeyDefinition,
  shownConfigValue,
  validateConfigChange,
  type Clock,
  type ConfigValues,
  type NewUser,
  type RandomSource,
  type Repositories,
  type Result,
  type UnitOfWork,
  type ValidConfigChange,
  err,
  ok,
} from '../core/index.js';
import { cryptoRandomSource, preparePrivateDatabaseFile } from '../platform/index.js';
import { migrate } from './migrations/index.js';
import { SqliteAuditLog } from './sqliteAuditLog.js';
import { SqliteCardChangeLog } from './sqliteCardChangeLog.js';
import { SqliteConfigSource } from './sqliteConfigSource.js';
import { SqliteKeyValue } from './sqliteKeyValue.js';
import { SqliteOutbox } from './sqliteOutbox.js';
import { SqliteTypedIdAttempts } from './sqliteTypedIdAttempts.js';
import { SqliteUserRepository } from './sqliteUserRepository.js';
import { systemClock } from '../platform/index.js';
import { administerUser, type UserAdminAction, type UserAdminChange } from './userAdministration.js';
import { findImportProblems, insertUsers, type ImportRowProblem } from './userImport.js';

export interface OpenKioskStoreOptions {
  /** SQLite file, usually kioskPaths(dataDir).db; its folder is created if missing. */
  readonly file: string;
  readonly clock?: Clock;
  readonly random?: RandomSource;
  /** Recorded in audit rows this store writes itself (config changes, imports). */
  readonly kioskId?: string | null;
}

/** Who made an administrative change, for the audit row. */
export interface Actor {
  readonly kioskId?: string | null;
  readonly username?: string | null;
}

export interface KioskStore {
  readonly file: string;
  readonly db: Database.Database;
  readonly uow: UnitOfWork;
  readonly kv: SqliteKeyValue;
  readonly outbox: SqliteOutbox;
  /** Every key with the value in force (stored, else the default). */
  configValues(): ConfigValues;
  /** Validated by validateConfigChange (key, range, cross-key rules) and audited, refused or not. */
  setConfig(name: string, rawValue: unknown, actor?: Actor): Result<ValidConfigChange, string>;
  /** All rows or none, in one transaction; every bad row is reported. Audited as one user.import event. */
  importUsers(rows: readonly NewUser[], actor?: Actor): Result<{ readonly inserted: number }, readonly ImportRowProblem[]>;
  /** Unlock, disable, enable, reset the PIN of, or delete one user: one transaction with its audit row. */
  administerUser(username: string, action: UserAdminAction, actor?: Actor): Result<UserAdminChange, 'not-found'>;
  close(): void;
}

/** A secret key's value (the technician PIN hash) never reaches the audit. */
function shownValue(change: ValidConfigChange): string {
  return String(shownConfigValue(configKeyDefinition(change.name), change.value));
}

/**
 * Opens (creating and migrating as needed) the kiosk's local replica: WAL so the host can read while
 * sync writes; synchronous=NORMAL, which in WAL mode survives a crash of the process and loses at
 * most the last commits on a power cut, keeping an fsync off every sign-in.
 */
export function openKioskStore(options: OpenKioskStoreOptions): KioskStore {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? cryptoRandomSource;
  preparePrivateDatabaseFile(options.file);
  const db = new Database(options.file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const kv = new SqliteKeyValue(db);
  const config = new SqliteConfigSource(db, clock);
  const outbox = new SqliteOutbox(db, kv, clock);
  const repos: Repositories = {
    users: new SqliteUserRepository(db, clock, () => random.uuid()),
    cardChanges: new SqliteCardChangeLog(db),
    audit: new SqliteAuditLog(db),
    outbox,
    config,
    typedIds: new SqliteTypedIdAttempts(db, kv, () => outbox.isLive()),
  };
  const uow: UnitOfWork = {
    repos,
    transaction: <T>(fn: (r: Repositories) => T): T => db.transaction(() => fn(repos)).immediate(),
  };
  const stamp = () => ({ id: random.uuid(), at: clock.now() });
  const kioskOf = (actor?: Actor) => (actor?.kioskId !== undefined ? actor.kioskId : (options.kioskId ?? null));

  return {
    file: options.file,
    db,
    uow,
    kv,
    outbox,
    configValues: () => config.values(),
    setConfig(name, rawValue, actor) {
      return uow.transaction((r) => {
        const change = validateConfigChange(name, rawValue, config.values());
        const key = name.length > 100 ? `${name.slice(0, 100)}…` : name;
        if (change.ok) config.write(change.value.name, change.value.value);
        r.audit.append(
          auditEvent({
            ...stamp(),
            kind: 'config.set',
            outcome: change.ok ? 'success' : 'failure',
            kioskId: kioskOf(actor),
            code: change.ok ? null : 'invalid-input',
            details: change.ok ? { key, value: shownValue(change.value), by: actor?.username ?? 'local' } : { key, by: actor?.username ?? 'local' },
          }),
        );
        return change;
      });
    },
    importUsers(rows, actor) {
      return uow.transaction((r) => {
        const problems = findImportProblems(rows, r.users);
        if (problems.length > 0) return err(problems);
        const inserted = insertUsers(db, rows, () => random.uuid(), clock.now());
        r.audit.append(
          auditEvent({
            ...stamp(),
            kind: 'user.import',
            outcome: 'success',
            kioskId: kioskOf(actor),
            details: { count: inserted, by: actor?.username ?? 'local' },
          }),
        );
        return ok({ inserted });
      });
    },
    administerUser: (username, action, actor) =>
      administerUser({ uow, stamp, kioskId: kioskOf(actor), by: actor?.username ?? 'local' }, username, action),
    close: () => db.close(),
  };
}
