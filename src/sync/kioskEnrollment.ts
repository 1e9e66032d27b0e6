import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { kioskPaths, type KioskStore } from '../store/index.js';
import { createReplicaApplier } from '../store/replicaApplier.js';
import { CentralHttpClient, CentralCallError, normalizeCentralUrl, type FetchLike } from './centralHttpClient.js';

/** kv keys describing the enrollment; the token itself is kept apart from the database. */
const KEYS = {
  url: 'central.url',
  kioskId: 'central.kiosk-id',
  kioskName: 'central.kiosk-name',
  siteId: 'central.site-id',
  enrolledAt: 'central.enrolled-at',
} as const;

export interface Enrollment {
  readonly centralUrl: string;
  readonly kioskId: string;
  readonly kioskName: string;
  readonly siteId: string;
  readonly enrolledAt: number;
}

/**
 * Where the kiosk token lives. Web mode and the CLI use a 0600 file in the data dir's secrets
 * folder; the Electron host can pass one backed by safeStorage (DESIGN §6).
 */
export interface KioskTokenStore {
  read(): Promise<string | null>;
  write(token: string): Promise<void>;
}

/** Writes via a temporary file and rename, 0600 from the start, so a crash never leaves half a secret. */
export async function writeSecretFile(file: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content, { mode: 0o600, flag: 'wx' });
    await chmod(temporary, 0o600);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export function fileTokenStore(dataDir: string): KioskTokenStore {
  const file = kioskPaths(dataDir).kioskToken;
  return {
    async read() {
      try {
        return (await readFile(file, 'utf8')).trim() || null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    write: (token) => writeSecretFile(file, token),
  };
}

export function readEnrollment(store: KioskStore): Enrollment | null {
  const centralUrl = store.kv.get(KEYS.url);
  const kioskId = store.kv.get(KEYS.kioskId);
  if (!centralUrl || !kioskId) return null;
  return {
    centralUrl,
    kioskId,
    kioskName: store.kv.get(KEYS.kioskName) ?? '',
    siteId: store.kv.get(KEYS.siteId) ?? '',
    enrolledAt: Number(store.kv.get(KEYS.enrolledAt) ?? 0),
  };
}

/** The embedded central store listens on a new port at every start. */
export function recordCentralUrl(store: KioskStore, centralUrl: string): void {
  store.kv.set(KEYS.url, normalizeCentralUrl(centralUrl));
}

export interface EnrollOptions {
  readonly store: KioskStore;
  readonly dataDir: string;
  readonly centralUrl: string;
  readonly code: string;
  readonly version?: string;
  readonly fetch?: FetchLike;
  readonly tokenStore?: KioskTokenStore;
}

/**
 * Exchanges a one-time code for this kiosk's token and the site's PIN pepper, then hands the
 * kiosk over to the central store: users, Card/ID history and undelivered commands are dropped
 * (the first sync brings the site's users) and the outbox starts recording. A kiosk process
 * already running keeps the old pepper in memory: enroll before starting it, or restart it.
 */
export async function enrollKiosk(options: EnrollOptions): Promise<Enrollment> {
  const centralUrl = normalizeCentralUrl(options.centralUrl);
  const client = new CentralHttpClient({ baseUrl: centralUrl, ...(options.version ? { version: options.version } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
  let answer;
  try {
    answer = await client.enroll(options.code);
  } catch (error) {
    if (error instanceof CentralCallError && error.kind === 'refused') throw new Error(`Enrollment refused: ${error.message}`);
    throw error;
  }
  const pepper = Buffer.from(answer.pepper, 'base64');
  if (pepper.length < 16) throw new Error('The central store sent an unusable PIN pepper.');
  await (options.tokenStore ?? fileTokenStore(options.dataDir)).write(answer.token);
  await writeSecretFile(kioskPaths(options.dataDir).pepper, pepper);
  const enrolledAt = Date.now();
  const { store } = options;
  createReplicaApplier(store).beginFullSync();
  store.db.transaction(() => {
    store.kv.set(KEYS.url, centralUrl);
    store.kv.set(KEYS.kioskId, answer.kioskId);
    store.kv.set(KEYS.kioskName, answer.kioskName);
    store.kv.set(KEYS.siteId, answer.siteId);
    store.kv.set(KEYS.enrolledAt, String(enrolledAt));
    store.outbox.setLive(true);
  }).immediate();
  return { centralUrl, kioskId: answer.kioskId, kioskName: answer.kioskName, siteId: answer.siteId, enrolledAt };
}
