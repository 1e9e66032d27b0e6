import type Database from 'better-sqlite3';
import {
  clearFailedAttempts,
  isConfigKeyName,
  configKeyDefinition,
  parseKeyValue,
  localTypedIdBudget,
  registerFailedAttempt,
  registerTypedIdFailure,
  type CardField,
  type User,
} from '../core/index.js';
import type { KioskStore } from './kioskStore.js';

/** One row of the central store's change feed, as the kiosk replica takes it (src/sync maps the wire format). */
export type ReplicaChange =
  | { readonly type: 'user'; readonly user: User }
  | { readonly type: 'user-deleted'; readonly userId: string }
  | { readonly type: 'config'; readonly name: string; readonly value: boolean | number | string }
  | {
      readonly type: 'card-change';
      readonly userId: string;
      readonly field: CardField;
      readonly kind: 'generated' | 'manual';
      readonly at: number;
      /** The kiosk where the change was made; this kiosk already recorded its own changes. */
      readonly kioskId: string | null;
    }
  /** The central store's count and lock for one typed number, by digest (issue 11, finding 5). */
  | { readonly type: 'typed-id-lock'; readonly digest: string; readonly failures: number; readonly lockedUntil: number | null; readonly lastFailureAt: number | null };

/** kv keys of the sync state, beside the outbox switch. */
export const SYNC_CURSOR_KEY = 'sync.cursor';
export const SYNC_FULL_KEY = 'sync.full-sync';

export interface ApplyOutcome {
  readonly users: number;
  readonly deleted: number;
  readonly config: number;
  readonly cardChanges: number;
}

export interface ReplicaApplier {
  /** Sequence applied so far (0: nothing yet). */
  cursor(): number;
  /** True while a full sync has started and not finished: the replica is partial. */
  fullSyncInProgress(): boolean;
  /** Drops users, Card/ID change history and undelivered commands, and rewinds to 0 (enrollment, restored central). */
  beginFullSync(): void;
  /**
   * Applies one page and moves the cursor to `next`, all in one transaction. Pulled rows replace
   * local ones (the central store is authoritative); commands still waiting in the outbox are
   * played again on top, so a PIN changed offline keeps working until the central store has it.
   */
  applyPage(changes: readonly ReplicaChange[], next: number, options: { readonly myKioskId: string | null; readonly last: boolean }): ApplyOutcome;
}

type SqliteError = Error & { code?: string };

export function createReplicaApplier(store: KioskStore): ReplicaApplier {
  const db: Database.Database = store.db;
  const upsertUser = db.prepare(
    `INSERT INTO users (id, username, display_name, email, primary_card, secondary_card, pin_hash, disabled, failed_attempts, locked_until, version, updated_at)
     VALUES (@id, @username, @displayName, @email, @primaryCard, @secondaryCard, @pinHash, @disabled, @failedAttempts, @lockedUntil, @version, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       primary_card = excluded.primary_card, secondary_card = excluded.secondary_card, pin_hash = excluded.pin_hash,
       disabled = excluded.disabled, failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until,
       version = excluded.version, updated_at = excluded.updated_at`,
  );
  const renameStaleHolder = db.prepare(`UPDATE users SET username = '~' || id WHERE lower(username) = lower(?) AND id <> ?`);
  const staleCardHolders = db.prepare<[string | null, string | null, string], { id: string; field: CardField }>(
    `SELECT u.id, c.field FROM card_numbers c JOIN users u ON u.row_id = c.user_row WHERE c.card_number IN (?, ?) AND u.id <> ?`,
  );
  const clearPrimary = db.prepare('UPDATE users SET primary_card = NULL WHERE id = ?');
  const clearSecondary = db.prepare('UPDATE users SET secondary_card = NULL WHERE id = ?');
  const deleteUser = db.prepare('DELETE FROM users WHERE id = ?');
  const upsertConfig = db.prepare(
    'INSERT INTO config (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const insertCardChange = db.prepare('INSERT INTO card_changes (user_id, field, kind, at) VALUES (?, ?, ?, ?)');
  const findUser = db.prepare<[string], { pin_hash: string | null; failed_attempts: number; locked_until: number | null }>(
    'SELECT pin_hash, failed_attempts, locked_until FROM users WHERE id = ?',
  );
  const setPin = db.prepare('UPDATE users SET pin_hash = ? WHERE id = ?');
  const setLock = db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?');

  const params = (user: User) => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    primaryCard: user.primaryCard,
    secondaryCard: user.secondaryCard,
    pinHash: user.pinHash,
    disabled: user.disabled ? 1 : 0,
    failedAttempts: user.failedAttempts,
    lockedUntil: user.lockedUntil,
    version: user.version,
    updatedAt: user.updatedAt,
  });

  /**
   * A local row may still hold a username or Card/ID number the central store has since given to
   * someone else (its own update comes later in the feed): it gives them up.
   */
  function writeUser(user: User): void {
    try {
      upsertUser.run(params(user));
      return;
    } catch (error) {
      const code = (error as SqliteError).code ?? '';
      if (!code.startsWith('SQLITE_CONSTRAINT')) throw error;
    }
    renameStaleHolder.run(user.username, user.id);
    for (const holder of staleCardHolders.all(user.primaryCard, user.secondaryCard, user.id)) {
      (holder.field === 'primary' ? clearPrimary : clearSecondary).run(holder.id);
    }
    upsertUser.run(params(user));
  }

  function replayPending(userIds: ReadonlySet<string>, digests: ReadonlySet<string>): void {
    if (userIds.size === 0 && digests.size === 0) return;
    const config = store.configValues();
    const policy = { maxAttempts: config['auth.max-failed-pin-attempts'], lockoutMinutes: config['auth.lockout-minutes'] };
    const typedIds = store.uow.repos.typedIds;
    const typedIdPolicy = { ...policy, localBudget: localTypedIdBudget(policy.maxAttempts) };
    for (const { command } of store.outbox.pending(10_000)) {
      if (command.type === 'typed-id-attempt') {
        // Still not counted centrally: it counts here again, against the local budget too.
        if (digests.has(command.digest)) typedIds.save(command.digest, registerTypedIdFailure(typedIds.find(command.digest), typedIdPolicy, command.at).state);
        continue;
      }
      if (command.type === 'reader-profile' || !userIds.has(command.userId)) continue;
      const row = findUser.get(command.userId);
      if (!row) continue;
      switch (command.type) {
        case 'pin-changed':
          setPin.run(command.pinHash, command.userId);
          break;
        case 'failed-attempt': {
          const outcome = registerFailedAttempt({ failedAttempts: row.failed_attempts, lockedUntil: row.locked_until }, policy, command.at);
          setLock.run(outcome.failedAttempts, outcome.lockedUntil, command.userId);
          break;
        }
        case 'login-succeeded': {
          const cleared = clearFailedAttempts();
          setLock.run(cleared.failedAttempts, cleared.lockedUntil, command.userId);
          break;
        }
        case 'card-change-request':
          break;
        default: {
          const never: never = command;
          throw new Error(`Unknown outbox command ${JSON.stringify(never)}`);
        }
      }
    }
  }

  const cursor = () => Number(store.kv.get(SYNC_CURSOR_KEY) ?? 0);

  return {
    cursor,
    fullSyncInProgress: () => store.kv.get(SYNC_FULL_KEY) === 'in-progress',
    beginFullSync() {
      db.transaction(() => {
        db.prepare('DELETE FROM users').run();
        db.prepare('DELETE FROM card_changes').run();
        db.prepare('DELETE FROM typed_id_attempts').run();
        db.prepare('DELETE FROM outbox WHERE delivered_at IS NULL').run();
        store.kv.set(SYNC_CURSOR_KEY, '0');
        store.kv.set(SYNC_FULL_KEY, 'in-progress');
      }).immediate();
    },
    applyPage(changes, next, options) {
      return db.transaction(() => {
        const fullSync = store.kv.get(SYNC_FULL_KEY) === 'in-progress';
        let users = 0;
        let deleted = 0;
        let configs = 0;
        let cardChanges = 0;
        const touched = new Set<string>();
        const digests = new Set<string>();
        for (const change of changes) {
          switch (change.type) {
            case 'user':
              writeUser(change.user);
              touched.add(change.user.id);
              users++;
              break;
            case 'user-deleted':
              deleted += deleteUser.run(change.userId).changes;
              break;
            case 'config': {
              // A key this kiosk does not know (a newer central store) or a value it cannot read is skipped, not fatal.
              if (!isConfigKeyName(change.name)) break;
              const parsed = parseKeyValue(configKeyDefinition(change.name), change.value);
              if (!parsed.ok) break;
              upsertConfig.run(change.name, JSON.stringify(parsed.value), Date.now());
              configs++;
              break;
            }
            case 'card-change':
              if (!fullSync && change.kioskId !== null && change.kioskId === options.myKioskId) break;
              insertCardChange.run(change.userId, change.field, change.kind, change.at);
              cardChanges++;
              break;
            case 'typed-id-lock':
              // The central store's count replaces this kiosk's: it holds every kiosk's delivered failures.
              store.uow.repos.typedIds.save(change.digest, { failures: change.failures, lockedUntil: change.lockedUntil, lastFailureAt: change.lastFailureAt, pending: 0 });
              digests.add(change.digest);
              break;
            default: {
              const never: never = change;
              throw new Error(`Unknown change ${JSON.stringify(never)}`);
            }
          }
        }
        replayPending(touched, digests);
        if (next > cursor()) store.kv.set(SYNC_CURSOR_KEY, String(next));
        if (options.last && fullSync) store.kv.set(SYNC_FULL_KEY, 'done');
        return { users, deleted, config: configs, cardChanges };
      }).immediate();
    },
  };
}
