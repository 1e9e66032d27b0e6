import path from 'node:path';
import { startTestPostgres, type TestPostgres } from './centralPostgres.js';

/** The two real backends every central suite runs on (DESIGN §5): SQLite files and a throwaway PostgreSQL. */
export const CENTRAL_BACKENDS = ['sqlite', 'postgres'] as const;
export type CentralBackend = (typeof CENTRAL_BACKENDS)[number];

export interface BackendDatabases {
  /** A fresh, empty database URL for --db. */
  fresh(label: string): Promise<string>;
  stop(): void;
}

export async function backendDatabases(backend: CentralBackend, dir: string): Promise<BackendDatabases> {
  if (backend === 'sqlite') {
    return { fresh: async (label) => `sqlite:${path.join(dir, `${label}.sqlite`)}`, stop() {} };
  }
  const postgres: TestPostgres = await startTestPostgres();
  return { fresh: (label) => postgres.createDatabase(label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()), stop: () => postgres.stop() };
}
