import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes a SQLite database file private to this account whatever the umask (issue 11, finding 6):
 * its folder is created 0700, the file 0600 before SQLite opens it (SQLite gives its -wal and
 * -shm files the mode of the database file), and an existing file or sidecar left readable by an
 * older version is tightened. The database holds PIN hashes, tokens' digests and the audit log.
 */
export function preparePrivateDatabaseFile(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  closeSync(openSync(file, 'a', 0o600));
  for (const each of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(each)) chmodSync(each, 0o600);
  }
}
