import type { Kysely } from 'kysely';
import type { CentralDialect } from './columnTypes.js';
import { up as m001 } from './m001Initial.js';
import { up as m002 } from './m002KioskReaderProfiles.js';
import { up as m003 } from './m003UserSearchIndex.js';
import { up as m004 } from './m004UserWebDirectory.js';
import { up as m005 } from './m005PrintRelease.js';
import { up as m006 } from './m006KioskPulledSeq.js';
import { up as m007 } from './m007TypedIdAttempts.js';
import { up as m008 } from './m008UsernameCaseUnique.js';
import { up as m009 } from './m009PendingImports.js';

export interface CentralMigration {
  readonly version: number;
  readonly name: string;
  up(db: Kysely<unknown>, dialect: CentralDialect): Promise<void>;
}

/** Numbered, append-only: never edit a migration that has shipped, add the next one. */
export const CENTRAL_MIGRATIONS: readonly CentralMigration[] = [
  { version: 1, name: 'initial', up: m001 },
  { version: 2, name: 'kiosk-reader-profiles', up: m002 },
  { version: 3, name: 'user-search-index', up: m003 },
  { version: 4, name: 'user-web-directory', up: m004 },
  { version: 5, name: 'print-release', up: m005 },
  { version: 6, name: 'kiosk-pulled-seq', up: m006 },
  { version: 7, name: 'typed-id-attempts', up: m007 },
  { version: 8, name: 'username-case-unique', up: m008 },
  { version: 9, name: 'pending-imports', up: m009 },
];

export const LATEST_CENTRAL_SCHEMA = CENTRAL_MIGRATIONS[CENTRAL_MIGRATIONS.length - 1]!.version;
