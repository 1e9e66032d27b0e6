import type Database from 'better-sqlite3';
import { migration0001 } from './0001-users-and-card-numbers.js';
import { migration0002 } from './0002-config-and-kv.js';
import { migration0003 } from './0003-outbox.js';
import { migration0004 } from './0004-audit.js';
import { migration0005 } from './0005-card-changes.js';
import { migration0006 } from './0006-reader-profile.js';
import { migration0007 } from './0007-print-setup.js';
import { migration0008 } from './0008-typed-id-attempts.js';
import { migration0009 } from './0009-username-case-unique.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration in order; the schema version is `PRAGMA user_version`. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the schema up to `target` (default: latest), one transaction per step. */
export function migrate(db: Database.Database, target = LATEST_SCHEMA_VERSION): number {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(`The database has schema version ${current}, newer than this badgekiosk knows (${LATEST_SCHEMA_VERSION}); upgrade badgekiosk.`);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
