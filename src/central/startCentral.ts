import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { FastifyServerOptions } from 'fastify';
import type { Clock, RandomSource } from '../core/index.js';
import { createArgon2PinHasher, loadOrCreatePepper } from '../pinHashing/index.js';
import { cryptoRandomSource, systemClock } from '../platform/index.js';
import type { CentralContext } from './centralContext.js';
import { keptLdapDirectoryFactory, readBindPasswordFile } from '../directory/directoryFactory.js';
import { CENTRAL_VERSION } from './centralVersion.js';
import { buildCentralServer, REDACTED_HEADERS, type CentralServer, type CentralServerOptions } from './http/centralServer.js';
import { serializeRequestForLog } from './http/requestLogSerializer.js';
import { startDirectorySyncSchedule } from './services/directorySyncSchedule.js';
import { ensureSite } from './services/siteIdentity.js';
import type { CentralStorage } from './storage/centralStorage.js';
import { openCentralStorage } from './storage/openCentralStorage.js';
import { startPrintExpirySweeper } from './services/printExpirySweeper.js';
import { sweepImports } from './services/pendingImport.js';

/** How long a stop waits for requests in flight before cutting their connections. */
const STOP_GRACE_MS = 5_000;

export interface StartCentralOptions {
  /** `sqlite:PATH` or `postgres://…` */
  readonly db: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The site PIN pepper (created on first start); every central process of a site needs the same file. */
  readonly pepperFile: string;
  /** The directory service account's password (directory.ldap.bind-dn), first line of this file. */
  readonly directoryBindPasswordFile?: string;
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
  /** pino level ('info' by default), or false for no logs at all. */
  readonly logLevel?: string | false;
  readonly rateLimits?: CentralServerOptions['rateLimits'];
  readonly liveChannelsPerKiosk?: number;
  readonly clock?: Clock;
  readonly random?: RandomSource;
  /** The built User web interface (dist/renderer/user), served at /user/; none when not given. */
  readonly userWebDir?: string;
}

export interface RunningCentral {
  /** http(s)://host:port, with the port actually bound. */
  readonly url: string;
  readonly port: number;
  readonly ctx: CentralContext;
  readonly server: CentralServer;
  /** Graceful: stops accepting, ends live channels, finishes requests in flight, closes the database. */
  close(): Promise<void>;
}

/** pino: one JSON line per event; credentials never logged (headers redacted, bodies not logged). */
function loggerOptions(level: string | false | undefined): FastifyServerOptions['logger'] {
  if (level === false) return false;
  return { level: level ?? 'info', redact: { paths: REDACTED_HEADERS, censor: '[redacted]' }, serializers: { req: serializeRequestForLog } };
}

/** The composition root of one central store process (also used in-process by the embedded central). */
export async function startCentral(options: StartCentralOptions): Promise<RunningCentral> {
  const clock = options.clock ?? systemClock;
  const tls = options.tls ? { cert: await readFile(options.tls.certFile), key: await readFile(options.tls.keyFile) } : undefined;
  const bindPassword = options.directoryBindPasswordFile === undefined ? null : await readBindPasswordFile(options.directoryBindPasswordFile);
  const pepper = await loadOrCreatePepper(options.pepperFile);
  const pinHasher = await createArgon2PinHasher({ pepperFile: options.pepperFile });
  const storage: CentralStorage = await openCentralStorage(options.db);
  const directoryFor = keptLdapDirectoryFactory(bindPassword);
  try {
    const site = await ensureSite(storage, pepper, clock.now());
    const ctx: CentralContext = {
      storage, clock, random: options.random ?? cryptoRandomSource, pinHasher, siteId: site.siteId, pepper, version: CENTRAL_VERSION,
      directoryFor,
    };
    const server = await buildCentralServer(ctx, {
      logger: loggerOptions(options.logLevel),
      ...(tls ? { tls } : {}),
      ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
      ...(options.liveChannelsPerKiosk !== undefined ? { liveChannelsPerKiosk: options.liveChannelsPerKiosk } : {}),
      ...(options.userWebDir ? { userWebDir: options.userWebDir } : {}),
    });
    await server.app.listen({ host: options.host, port: options.port });
    const stopSchedule = startDirectorySyncSchedule(ctx, server.app.log);
    const stopSweeper = startPrintExpirySweeper(ctx, server.app.log);
    // An import a dead process left half-written is invisible already; this removes (or, if it was
    // published, finishes) it in the background, so the store answers meanwhile.
    const stopSweep = new AbortController();
    const swept = sweepImports(storage, clock.now(), stopSweep.signal).then(
      (done) => {
        if (done.discarded + done.settled > 0) server.app.log.info({ imports: done }, 'finished imports left by a stopped central process');
        if (done.stopped) server.app.log.info('stopping: the rest of the imports left by a stopped central process are finished at the next start');
      },
      (error: unknown) => server.app.log.error({ err: error }, 'could not sweep imports left by a stopped central process'),
    );
    const port = (server.app.server.address() as AddressInfo).port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    let closing: Promise<void> | null = null;
    return {
      url: `${tls ? 'https' : 'http'}://${host}:${port}`,
      port,
      ctx,
      server,
      close() {
        closing ??= (async () => {
          stopSchedule();
          stopSweeper();
          // A large import left published settles for up to a minute: stopping waits for one chunk.
          stopSweep.abort();
          await swept;
          // A client still sending a body (or never reading its answer) would hold the close
          // forever: after the grace period its connection is cut; its transaction never commits.
          const cut = setTimeout(() => server.app.server.closeAllConnections(), STOP_GRACE_MS);
          try {
            await server.app.close();
          } finally {
            clearTimeout(cut);
            await directoryFor.close();
            await storage.close();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
