import path from 'node:path';

export interface KioskPaths {
  readonly dataDir: string;
  /** The local replica (SQLite, WAL: kiosk.sqlite-wal and -shm sit beside it). */
  readonly db: string;
  /** Folder for secrets, 0700: kept apart from the database so a copy of it alone cannot be brute-forced. */
  readonly secretsDir: string;
  /** The site secret (argon2 `secret`), 32 random bytes, 0600. */
  readonly pepper: string;
  /** The kiosk's token from enrollment, 0600. Not in Electron safeStorage: the CLI (`sync now`, `sync status`) reads it too. */
  readonly kioskToken: string;
  readonly logs: string;
  /** The central store `badgekiosk start` runs inside the kiosk process by default (SQLite). */
  readonly embeddedCentralDb: string;
}

/** The standard layout of a data directory; every process (CLI, host, sync) opens the same files. */
export function kioskPaths(dataDir: string): KioskPaths {
  const root = path.resolve(dataDir);
  const secretsDir = path.join(root, 'secrets');
  return {
    dataDir: root,
    db: path.join(root, 'kiosk.sqlite'),
    secretsDir,
    pepper: path.join(secretsDir, 'pepper'),
    kioskToken: path.join(secretsDir, 'kiosk-token'),
    logs: path.join(root, 'logs'),
    embeddedCentralDb: path.join(root, 'central', 'central.sqlite'),
  };
}
