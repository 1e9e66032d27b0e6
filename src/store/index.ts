export { kioskPaths, type KioskPaths } from './kioskPaths.js';
export { openKioskStore, type Actor, type KioskStore, type OpenKioskStoreOptions } from './kioskStore.js';
export { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, schemaVersion, type Migration } from './migrations/index.js';
export { OUTBOX_LIVE_KEY, SqliteOutbox, type PendingCommand } from './sqliteOutbox.js';
export { SqliteKeyValue } from './sqliteKeyValue.js';
export type { ImportRowProblem } from './userImport.js';
export type { UserAdminAction, UserAdminChange } from './userAdministration.js';
