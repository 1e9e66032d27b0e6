import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CentralContext } from '../centralContext.js';
import { errorResponseSchema } from '../../protocol/index.js';
import {
  ADMIN_SESSION_TTL_MS,
  createAdminToken,
  createSession,
  deleteSession,
  findAdminByUsername,
  listAdminTokens,
  revokeAdminToken,
  upgradeAdminHash,
} from '../services/adminAccounts.js';
import { appendAudit } from '../services/centralAudit.js';
import { hashAdminPassword, verifyAdminPassword } from '../security/adminPasswords.js';
import { adminTokenSchema, createdTokenSchema, createTokenSchema, idParamsSchema, loginSchema, sessionSchema } from './adminSchemas.js';
import { ADMIN_SECURITY } from './adminSchemas.js';
import { errorBody } from './errorReplies.js';
import type { RateLimits } from './rateLimits.js';
import { adminAuth, SESSION_COOKIE } from './requestAuth.js';

const tags = ['admin: session'];
const security = ADMIN_SECURITY;

export function registerAdminSessionRoutes(app: FastifyInstance, ctx: CentralContext, limits: RateLimits, secureCookies: boolean): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const requireAdmin = adminAuth(ctx);

  r.post('/api/v1/admin/session', {
    schema: { tags, summary: 'Log in: sets the session cookie and returns the CSRF token', body: loginSchema, response: { 200: sessionSchema, 401: errorResponseSchema } },
    config: { rateLimit: { max: limits.loginPerMinute, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const now = ctx.clock.now();
    const admin = await findAdminByUsername(ctx.storage.db, request.body.username);
    const { good, needsPepper } = await verifyAdminPassword(ctx.pinHasher, admin && Number(admin.disabled) === 0 ? admin.password_hash : null, request.body.password);
    const pepperedHash = needsPepper ? await hashAdminPassword(ctx.pinHasher, request.body.password) : null;
    const session = await ctx.storage.write(async (tx) => {
      await appendAudit(tx.db, {
        id: ctx.random.uuid(), at: now, kind: 'admin.login', outcome: good ? 'success' : 'failure', userId: null, username: null,
        kioskId: null, actor: request.body.username, code: good ? null : 'invalid-credentials', details: { ip: request.ip },
      });
      if (!good || !admin) return null;
      if (pepperedHash) await upgradeAdminHash(tx, admin, pepperedHash);
      return createSession(tx, admin.id, now);
    });
    if (!session || !admin) return reply.code(401).send(errorBody('invalid-credentials', 'Wrong username or password.'));
    reply.setCookie(SESSION_COOKIE, session.sessionId, {
      path: '/api/v1/admin', httpOnly: true, sameSite: 'strict', secure: secureCookies, maxAge: ADMIN_SESSION_TTL_MS / 1000,
    });
    return { username: admin.username, via: 'session' as const, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });

  r.get('/api/v1/admin/session', {
    schema: { tags, security, summary: 'Who is logged in (and the CSRF token of a cookie session)', response: { 200: sessionSchema, 401: errorResponseSchema } },
    onRequest: requireAdmin,
  }, async (request) => ({ username: request.admin!.username, via: request.admin!.via, csrfToken: request.admin!.csrfToken, expiresAt: null }));

  r.delete('/api/v1/admin/session', {
    schema: { tags, security, summary: 'Log out', response: { 204: z.null(), 401: errorResponseSchema, 403: errorResponseSchema } },
    onRequest: requireAdmin,
  }, async (request, reply) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) await deleteSession(ctx.storage.db, sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/api/v1/admin' });
    return reply.code(204).send(null);
  });

  r.post('/api/v1/admin/tokens', {
    schema: { tags, security, summary: 'Create an admin API token (for scripts); shown once', body: createTokenSchema, response: { 200: createdTokenSchema, 401: errorResponseSchema, 403: errorResponseSchema } },
    onRequest: requireAdmin,
  }, async (request) => {
    const id = ctx.random.uuid();
    const now = ctx.clock.now();
    const token = await ctx.storage.write(async (tx) => {
      const created = await createAdminToken(tx, id, request.admin!.adminId, request.body.name, now);
      await appendAudit(tx.db, {
        id: ctx.random.uuid(), at: now, kind: 'admin.token.create', outcome: 'success', userId: null, username: null,
        kioskId: null, actor: request.admin!.username, code: null, details: { tokenId: id, name: request.body.name },
      });
      return created;
    });
    return { id, name: request.body.name, token };
  });

  r.get('/api/v1/admin/tokens', {
    schema: { tags, security, summary: "The logged-in administrator's API tokens", response: { 200: z.object({ tokens: z.array(adminTokenSchema) }), 401: errorResponseSchema } },
    onRequest: requireAdmin,
  }, async (request) => ({ tokens: await listAdminTokens(ctx.storage.db, request.admin!.adminId) }));

  r.delete('/api/v1/admin/tokens/:id', {
    schema: { tags, security, summary: 'Revoke an admin API token', params: idParamsSchema, response: { 204: z.null(), 401: errorResponseSchema, 404: errorResponseSchema } },
    onRequest: requireAdmin,
  }, async (request, reply) => {
    const now = ctx.clock.now();
    const revoked = await ctx.storage.write(async (tx) => {
      const done = await revokeAdminToken(tx, request.params.id, request.admin!.adminId, now);
      if (done) {
        await appendAudit(tx.db, {
          id: ctx.random.uuid(), at: now, kind: 'admin.token.revoke', outcome: 'success', userId: null, username: null,
          kioskId: null, actor: request.admin!.username, code: null, details: { tokenId: request.params.id },
        });
      }
      return done;
    });
    if (!revoked) return reply.code(404).send(errorBody('not-found', 'No such active token.'));
    return reply.code(204).send(null);
  });
}
