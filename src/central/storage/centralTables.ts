import type { Generated } from 'kysely';

/**
 * Tables of the central store, the same on SQLite and PostgreSQL. Flags are integers (0/1) and
 * times are epoch milliseconds on both, so rows read the same whichever backend holds them.
 * Every row a kiosk replicates carries `seq`, the change-feed sequence of its last change.
 */
export interface CentralTables {
  site: SiteTable;
  change_counter: ChangeCounterTable;
  users: UsersTable;
  card_numbers: CardNumbersTable;
  user_tombstones: UserTombstonesTable;
  card_changes: CardChangesTable;
  config: ConfigTable;
  kiosks: KiosksTable;
  commands: CommandsTable;
  audit: AuditTable;
  admins: AdminsTable;
  admin_sessions: AdminSessionsTable;
  admin_tokens: AdminTokensTable;
  schema_migrations: SchemaMigrationsTable;
  kiosk_reader_profiles: KioskReaderProfilesTable;
  user_web_sessions: UserWebSessionsTable;
  directory_users: DirectoryUsersTable;
  print_servers: PrintServersTable;
  kiosk_release_printers: KioskReleasePrintersTable;
  print_expired: PrintExpiredTable;
  typed_id_attempts: TypedIdAttemptsTable;
  user_imports: UserImportsTable;
}

export interface SiteTable {
  id: number;
  site_id: string;
  /** sha256 of the PIN pepper: refuses a start with the wrong pepper file, never reveals it. */
  pepper_fingerprint: string;
  created_at: number;
}

export interface ChangeCounterTable {
  id: number;
  seq: number;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  email: string;
  primary_card: string | null;
  secondary_card: string | null;
  pin_hash: string | null;
  /** When the PIN hash was last set or cleared: a PIN change older than this (an offline kiosk) loses. */
  pin_set_at: number | null;
  disabled: number;
  failed_attempts: number;
  locked_until: number | null;
  version: number;
  created_at: number;
  updated_at: number;
  /** 0 while the row belongs to an import not yet settled: the change feed (seq > cursor ≥ 0) skips it until then. */
  seq: number;
  /** Set while the row belongs to an import (user_imports) not yet settled; see visibleUser. */
  import_id: Generated<string | null>;
  import_position: Generated<number | null>;
}

/** An import publishing in chunks (migration 9): its rows are seen only once `state` is `published`. */
export interface UserImportsTable {
  id: string;
  state: 'pending' | 'published';
  /** host/pid/boot of the central process running it: a restart of that process sweeps it at once. */
  owner: string;
  rows: number;
  started_at: number;
  heartbeat_at: number;
}

/** One row per Card/ID number in use, primary or secondary: uniqueness across both fields is a primary key. */
export interface CardNumbersTable {
  number: string;
  user_id: string;
  field: 'primary' | 'secondary';
}

export interface UserTombstonesTable {
  id: string;
  deleted_at: number;
  seq: number;
}

export interface CardChangesTable {
  id: string;
  user_id: string;
  field: 'primary' | 'secondary';
  kind: 'generated' | 'manual';
  at: number;
  kiosk_id: string | null;
  seq: number;
}

export interface ConfigTable {
  name: string;
  /** JSON text of the typed value. */
  value: string;
  updated_at: number;
  seq: number;
}

export interface KiosksTable {
  id: string;
  name: string;
  created_at: number;
  enrollment_code_hash: string | null;
  enrollment_expires_at: number | null;
  token_hash: string | null;
  enrolled_at: number | null;
  revoked_at: number | null;
  last_seen_at: number | null;
  version: string | null;
  /** The sequence the kiosk had applied at its last pull; null before its first. */
  pulled_seq: number | null;
}

export interface CommandsTable {
  kiosk_id: string;
  idempotency_key: string;
  type: string;
  user_id: string | null;
  received_at: number;
  status: 'accepted' | 'rejected';
  /** JSON text of the answer given, returned again verbatim to a retried push. */
  answer: string;
}

export interface AuditTable {
  id: string;
  at: number;
  kind: string;
  outcome: 'success' | 'failure';
  user_id: string | null;
  username: string | null;
  kiosk_id: string | null;
  actor: string | null;
  code: string | null;
  details: string;
  /** Insertion order, for stable listing of events with the same timestamp. */
  n: Generated<number>;
}

export interface AdminsTable {
  id: string;
  username: string;
  password_hash: string;
  created_at: number;
  disabled: number;
}

export interface AdminSessionsTable {
  id_hash: string;
  admin_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface AdminTokensTable {
  id: string;
  admin_id: string;
  name: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface KioskReaderProfilesTable {
  kiosk_id: string;
  /** JSON of the kiosk's ReaderProfile (src/contract), as the kiosk sent it. */
  profile: string;
  saved_at: number;
  received_at: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

/** A User web interface session: the id is kept only as its SHA-256; idle for user-web.idle-timeout-minutes ends it. */
export interface UserWebSessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  /** How the user proved themselves: 'directory' (password) or 'card' (Card/ID number and PIN). */
  via: 'directory' | 'card';
  created_at: number;
  last_seen_at: number;
}

/** Users the directory manages: their DN and the Card/ID number directory sync last wrote. */
export interface DirectoryUsersTable {
  user_id: string;
  dn: string;
  /** The card attribute's value as last synced; a primary number that differs was changed by the user since. */
  synced_card: string | null;
  /** 1 when sync disabled the user (gone from the directory): sync enables them again if they return. */
  disabled_by_sync: Generated<number>;
  synced_at: number;
}

export interface PrintServersTable {
  name: string;
  url: string;
  /** JSON array of follow-me queue names. */
  follow_me: string;
  /** Username and password sealed with the pepper-derived key (printCredentials.ts); null for none. */
  credentials: string | null;
  created_at: number;
}

export interface KioskReleasePrintersTable {
  kiosk_id: string;
  server: string;
  queue: string;
}

export interface PrintExpiredTable {
  server: string;
  job_id: number;
  expired_at: number;
}

/** Typed-ID failures by keyed digest of the typed number (migration 7); never the number. */
export interface TypedIdAttemptsTable {
  digest: string;
  failures: number;
  locked_until: number | null;
  last_failure_at: number | null;
  seq: number;
}
