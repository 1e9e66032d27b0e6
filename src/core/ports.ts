import type { AuditEvent } from './audit.js';
import type { ConfigKeyName, ConfigValue } from './config/configRegistry.js';
import type { DomainError } from './domainError.js';
import type { Result } from './result.js';
import type { TypedIdThrottle } from './typedIdDelay.js';
import type { TypedIdAttempts } from './typedIdLockout.js';
import type { CardField, User } from './user.js';

/**
 * Ports: everything the domain needs from outside (DESIGN §1). The kiosk's local store
 * (src/store, better-sqlite3) implements the synchronous repositories; a kiosk operation runs them
 * inside one UnitOfWork transaction, so nothing half-done reaches disk. Slow async work (argon2)
 * happens before the transaction opens.
 */

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export interface RandomSource {
  /** Uniform integer in [0, maxExclusive), from a cryptographic source. */
  randomInt(maxExclusive: number): number;
  /** Random identifier for rows, idempotency keys and sessions (UUID v4 or equivalent). */
  uuid(): string;
}

export interface PinHasher {
  /** argon2id PHC string of pin, peppered with the site secret. */
  hash(pin: string): Promise<string>;
  verify(pinHash: string, pin: string): Promise<boolean>;
  /**
   * Costs the same as verify() but never matches: used for unknown cards so an unknown card
   * takes as long as a wrong PIN (no card enumeration by timing).
   */
  verifyDummy(pin: string): Promise<false>;
  /**
   * Keyed digest (hex) of a typed Card/ID number under a key derived from the site secret: what
   * kiosks and the central store count typed-ID failures by, never the number itself.
   */
  digestTypedId(typed: string): string;
}

export interface NewUser {
  /** Given when the user comes from the central store (sync); else the repository makes a UUID. */
  readonly id?: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly primaryCard: string | null;
  readonly secondaryCard: string | null;
  readonly pinHash: string | null;
}

export interface UserQuery {
  readonly search?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface UserRepository {
  findById(id: string): User | undefined;
  findByUsername(username: string): User | undefined;
  /** Matches the primary or the secondary card number. */
  findByCard(cardNumber: string): User | undefined;
  /** True if any user holds the number in either field. */
  isCardTaken(cardNumber: string): boolean;
  insert(user: NewUser): User;
  /** Writes every field of user, bumping version and updatedAt; returns the stored row. */
  update(user: User): User;
  /** Removes the user; their Card/ID numbers are free again at once. False when there was none. */
  delete(id: string): boolean;
  list(query?: UserQuery): readonly User[];
  count(): number;
}

export interface CardChange {
  readonly userId: string;
  readonly field: CardField;
  readonly at: number;
  readonly kind: 'generated' | 'manual';
}

/** History of Card/ID number changes, for the daily limit. */
export interface CardChangeLog {
  record(change: CardChange): void;
  countSince(userId: string, sinceEpochMs: number): number;
}

export interface AuditQuery {
  readonly userId?: string;
  readonly username?: string;
  readonly kind?: string;
  readonly since?: number;
  readonly until?: number;
  readonly limit?: number;
}

export interface AuditLog {
  append(event: AuditEvent): void;
  query(query?: AuditQuery): readonly AuditEvent[];
}

/** Commands a kiosk pushes to the central store (DESIGN §5). Never a PIN; a hash only in pin-changed. */
export type OutboxCommand =
  | { readonly type: 'pin-changed'; readonly userId: string; readonly pinHash: string; readonly at: number }
  | { readonly type: 'failed-attempt'; readonly userId: string; readonly at: number }
  | { readonly type: 'login-succeeded'; readonly userId: string; readonly at: number }
  /** A wrong typed-ID try, by digest; `masked` is the number's ending as the audit shows it (cardEnding). */
  | { readonly type: 'typed-id-attempt'; readonly digest: string; readonly masked: string; readonly at: number }
  | { readonly type: 'card-change-request'; readonly userId: string; readonly field: CardField; readonly manualNumber: string | null; readonly at: number }
  /** This kiosk's reader profile as saved by a technician: JSON of src/contract ReaderProfile. */
  | { readonly type: 'reader-profile'; readonly profile: string; readonly at: number };

export interface Outbox {
  /** Written in the same transaction as the local change it records; the key makes delivery idempotent. */
  enqueue(idempotencyKey: string, command: OutboxCommand): void;
}

/** Typed-ID failures by digest, and this kiosk's pause between typed-ID tries (DESIGN §9, issue 11 finding 5). */
export interface TypedIdAttemptLog {
  find(digest: string): TypedIdAttempts;
  save(digest: string, state: TypedIdAttempts): void;
  throttle(): TypedIdThrottle;
  saveThrottle(throttle: TypedIdThrottle): void;
  /** True on an enrolled kiosk: its failures count against a local budget until the central store has them. */
  shared(): boolean;
}

export interface ConfigSource {
  get<K extends ConfigKeyName>(key: K): ConfigValue<K>;
}

export interface Repositories {
  readonly users: UserRepository;
  readonly cardChanges: CardChangeLog;
  readonly audit: AuditLog;
  readonly outbox: Outbox;
  readonly config: ConfigSource;
  readonly typedIds: TypedIdAttemptLog;
}

export interface UnitOfWork {
  /** Runs fn in one transaction: all its writes land, or none do (fn throwing rolls back). */
  transaction<T>(fn: (repos: Repositories) => T): T;
  /** Read-only access outside a transaction. */
  readonly repos: Repositories;
}

/**
 * Present only on a kiosk enrolled with a central store. Card/ID changes need the central store
 * online because uniqueness and the daily limit are global (DESIGN §5). Returns the user as the
 * central store now holds it, or a refusal (daily-limit, card-in-use, central-unreachable, …).
 */
export interface CentralCardAuthority {
  requestCardChange(request: {
    readonly idempotencyKey: string;
    readonly userId: string;
    readonly field: CardField;
    readonly manualNumber: string | null;
  }): Promise<Result<{ readonly cardNumber: string }, DomainError>>;
}
