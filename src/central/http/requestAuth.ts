import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { CentralContext } from '../centralContext.js';
import { adminForSession, adminForToken, type AdminIdentity } from '../services/adminAccounts.js';
import { kioskForTokenHash, touchKiosk, type KioskRow } from '../services/kioskRegistry.js';
import type { KioskRequestLimit } from './kioskRequestLimit.js';
import { KioskTokenCache } from './kioskTokenCache.js';
import { KIOSK_VERSION_HEADER } from '../../protocol/index.js';
import { KIOSK_TOKEN_PREFIX, sameSecret, sha256Hex } from '../security/secrets.js';
import { errorBody } from './errorReplies.js';
import { onePer } from '../onePer.js';

export const SESSION_COOKIE = 'bk_admin';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    kiosk: KioskRow | null;
    admin: AdminIdentity | null;
  }
}

const tokenHashes = new WeakMap<FastifyRequest, string>();

/** SHA-256 of the request's bearer token, computed once per request (rate limit and authentication both need it). */
export function bearerTokenHash(request: FastifyRequest, token: string): string {
  let hash = tokenHashes.get(request);
  if (hash === undefined) {
    hash = sha256Hex(token);
    tokenHashes.set(request, hash);
  }
  return hash;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header);
  return match ? match[1]! : null;
}

/** last_seen is written at most this often per kiosk and process: bookkeeping must not cost a write per pull. */
const TOUCH_INTERVAL_MS = 15_000;

export interface KioskAuthOptions {
  /** The route's own per-kiosk limit, counted once the kiosk is known (the other kiosk routes use @fastify/rate-limit). */
  readonly limit?: KioskRequestLimit;
  /** The `changes` route: its `after` is the kiosk's cursor, recorded for its sync lag. */
  readonly recordsPulls?: boolean;
}

/**
 * A callback hook, not an async one: the idle poll finds its kiosk in the token cache and passes
 * on in the same tick, without a promise per request (issue 10).
 */
type KioskAuth = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void;
type KioskCheck = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction, options: KioskAuthOptions) => void;
const kioskCheckOf = onePer(createKioskCheck);

/**
 * The kiosk-token check of a kiosk route (changes, commands, live, print, self-association): one
 * token cache and one last-seen schedule per central store, not one per route file.
 */
export function kioskAuth(ctx: CentralContext, options: KioskAuthOptions = {}): KioskAuth {
  const shared = kioskCheckOf(ctx);
  return function requireKiosk(request, reply, done) {
    shared(request, reply, done, options);
  };
}

function createKioskCheck(ctx: CentralContext): KioskCheck {
  const lastTouched = new Map<string, number>();
  // The version each kiosk last reported here: a cached row's may be older than the touch that updated it.
  const knownVersion = new Map<string, string | null>();
  // The feed cursor each kiosk last reported here (the `after` of its pulls), for its sync lag.
  const lastPulled = new Map<string, number>();
  const tokens = new KioskTokenCache(ctx.storage);
  /** The cached kiosk at once, or a promise when the database has to be asked. */
  function kioskFor(request: FastifyRequest, token: string, now: number): KioskRow | undefined | Promise<KioskRow | undefined> {
    if (!token.startsWith(KIOSK_TOKEN_PREFIX)) return undefined;
    // On SQLite another process may have revoked a kiosk: one PRAGMA tells, and drops the cache.
    ctx.storage.noticeOtherWriters();
    const hash = bearerTokenHash(request, token);
    const cached = tokens.get(hash, now);
    if (cached) return cached;
    const generation = tokens.currentGeneration;
    return kioskForTokenHash(ctx.storage.db, hash).then((row) => {
      if (row) tokens.set(hash, row, now, generation);
      return row;
    });
  }
  /** Last seen, version and cursor, written when they moved (or a promise while they are written). */
  function touch(request: FastifyRequest, kiosk: KioskRow, pulled: number | null): Promise<void> | undefined {
    const now = ctx.clock.now();
    const header = request.headers[KIOSK_VERSION_HEADER];
    const version = typeof header === 'string' ? header.slice(0, 64) : null;
    const lastVersion = knownVersion.has(kiosk.id) ? knownVersion.get(kiosk.id)! : kiosk.version;
    const pulledMoved = pulled !== null && pulled !== lastPulled.get(kiosk.id);
    const sinceTouch = now - (lastTouched.get(kiosk.id) ?? 0);
    // A moved cursor is written at most once a second: a first sync pulls many pages a second.
    if (sinceTouch < TOUCH_INTERVAL_MS && (version === null || version === lastVersion) && !(pulledMoved && sinceTouch >= 1_000)) return undefined;
    lastTouched.set(kiosk.id, now);
    if (version !== null) knownVersion.set(kiosk.id, version);
    if (pulled !== null) lastPulled.set(kiosk.id, pulled);
    return touchKiosk(ctx.storage.db, kiosk.id, now, version, pulled);
  }
  function admit(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction, options: KioskAuthOptions, kiosk: KioskRow | undefined): void {
    if (!kiosk) {
      void reply.code(401).header('www-authenticate', 'Bearer').send(errorBody('unauthorized', 'A valid kiosk token is required (enrolled and not revoked).'));
      return;
    }
    request.kiosk = kiosk;
    const touched = touch(request, kiosk, options.recordsPulls ? pulledSeqOf(request) : null);
    // Counted after the token check, as before: a refused token is answered 401 and not counted.
    const limited = options.limit?.count(kiosk.id, reply) ?? null;
    if (touched) touched.then(() => done(limited ?? undefined), done);
    else done(limited ?? undefined);
  }
  return function check(request, reply, done, options) {
    const token = bearerToken(request);
    const kiosk = token ? kioskFor(request, token, ctx.clock.now()) : undefined;
    if (kiosk instanceof Promise) kiosk.then((row) => admit(request, reply, done, options, row), done);
    else admit(request, reply, done, options, kiosk);
  };
}

/** The `after` of a `changes` pull: the sequence the kiosk has applied. */
function pulledSeqOf(request: FastifyRequest): number | null {
  const after = Number((request.query as { after?: unknown } | undefined)?.after);
  return Number.isSafeInteger(after) && after >= 0 ? after : null;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Administrators prove themselves with a session cookie (from the login route) or an admin API
 * token. A cookie rides along with any request the browser makes, so every write made with one
 * must also carry the session's CSRF token in a header a cross-site page cannot set.
 */
export function adminAuth(ctx: CentralContext) {
  return async function requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = bearerToken(request);
    let admin: AdminIdentity | undefined;
    if (token) {
      admin = await adminForToken(ctx.storage, token, ctx.clock.now());
    } else {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) admin = await adminForSession(ctx.storage.db, sessionId, ctx.clock.now());
    }
    if (!admin) {
      await reply.code(401).send(errorBody('unauthorized', 'Administrator login or admin API token required.'));
      return;
    }
    if (admin.via === 'session' && UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !admin.csrfToken || !sameSecret(sent, admin.csrfToken)) {
        await reply.code(403).send(errorBody('csrf', `Missing or wrong ${CSRF_HEADER} header for a cookie session.`));
        return;
      }
    }
    request.admin = admin;
  };
}
