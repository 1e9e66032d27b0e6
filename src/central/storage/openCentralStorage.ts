import type { CentralStorage } from './centralStorage.js';
import { openPostgresStorage } from './postgresBackend.js';
import { openSqliteStorage } from './sqliteBackend.js';

/** `sqlite:PATH` (the embedded default) or `postgres://…` / `postgresql://…`. */
export function parseDatabaseUrl(url: string): { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string } {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new Error('sqlite: needs a file path, as in sqlite:/var/lib/badgekiosk/central.db');
    return { kind: 'sqlite', file };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  throw new Error(`Unsupported --db ${JSON.stringify(url)}: use sqlite:PATH or postgres://USER@HOST:PORT/DB.`);
}

export async function openCentralStorage(url: string): Promise<CentralStorage> {
  const parsed = parseDatabaseUrl(url);
  return parsed.kind === 'sqlite' ? openSqliteStorage(parsed.file) : openPostgresStorage(parsed.url);
}
