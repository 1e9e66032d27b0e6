import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  userCardChangeSchema,
  userCardChangedSchema,
  userErrorSchema,
  userPinChangeSchema,
  userSessionSchema,
  userSignInSchema,
  userSummarySchema,
  userWebOptionsSchema,
} from '../../protocol/userWeb.js';
import type { CentralContext } from '../centralContext.js';
import { currentConfig } from '../services/centralConfig.js';
import { signInWithCard, signInWithDirectory } from '../services/userSignIn.js';
import { changeCardFromWeb, changePinFromWeb, userProfile, userSummary } from '../services/userWebAccount.js';
import { deleteUserWebSession } from '../services/userWebSessions.js';
import { findUserRow } from '../services/userRows.js';
import { errorBody, sendDomainError } from './errorReplies.js';
import type { RateLimits } from './rateLimits.js';
import { USER_COOKIE_PATH, USER_SESSION_COOKIE, userWebAuth } from './userWebAuth.js';

const tags = ['user web'];
const security = [{ userSession: [] }];
const errors = { 400: userErrorSchema, 401: userErrorSchema, 403: userErrorSchema, 404: userErrorSchema, 409: userErrorSchema, 422: userErrorSchema, 423: userErrorSchema };

/** The User web interface's API (issue 14): sign-in, Change Details (PIN, Card/ID number), summary. */
export function registerUserWebRoutes(app: FastifyInstance, ctx: CentralContext, limits: RateLimits, secureCookies: boolean): void {
  app.decorateRequest('userWeb', null);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const requireUser = userWebAuth(ctx);

  r.get('/api/v1/user/options', {
    schema: { tags, summary: 'Which sign-in methods this site offers', response: { 200: userWebOptionsSchema } },
  }, async () => {
    const config = await currentConfig(ctx.storage);
    return { directory: ctx.directoryFor(config) !== null, cardPinSignIn: config['user-web.allow-card-pin-sign-in'] };
  });

  r.post('/api/v1/user/session', {
    schema: {
      tags, summary: 'Sign in with username and directory password, or Card/ID number and PIN; sets the session cookie',
      body: userSignInSchema, response: { 200: userSessionSchema, ...errors, 503: userErrorSchema },
    },
    config: { rateLimit: { max: limits.userSignInPerMinute, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const body = request.body;
    const channel = { auditKind: 'user-web.sign-in' as const, kioskId: null, details: { ip: request.ip }, openSession: true };
    const result = body.method === 'directory'
      ? await signInWithDirectory(ctx, body.username, body.password, channel)
      : await signInWithCard(ctx, body.cardNumber, body.pin, channel);
    if (!result.ok) return reply.code(result.refusal.status).send(errorBody(result.refusal.code, result.refusal.message, result.refusal.details));
    const session = result.session!;
    reply.setCookie(USER_SESSION_COOKIE, session.sessionId, { path: USER_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: secureCookies });
    return { csrfToken: session.csrfToken, profile: await userProfile(ctx, result.user, body.method, result.config) };
  });

  r.get('/api/v1/user/session', {
    schema: { tags, security, summary: 'The signed-in user (and the CSRF token for writes)', response: { 200: userSessionSchema, 401: userErrorSchema } },
    onRequest: requireUser,
  }, async (request, reply) => {
    const user = await findUserRow(ctx.storage.db, request.userWeb!.userId);
    if (!user) return reply.code(401).send(errorBody('unauthorized', 'Please sign in.'));
    return { csrfToken: request.userWeb!.csrfToken, profile: await userProfile(ctx, user, request.userWeb!.via) };
  });

  r.delete('/api/v1/user/session', {
    schema: { tags, security, summary: 'Sign out', response: { 204: z.null(), 401: userErrorSchema, 403: userErrorSchema } },
    onRequest: requireUser,
  }, async (request, reply) => {
    const sessionId = request.cookies[USER_SESSION_COOKIE];
    if (sessionId) await deleteUserWebSession(ctx.storage.db, sessionId);
    reply.clearCookie(USER_SESSION_COOKIE, { path: USER_COOKIE_PATH });
    return reply.code(204).send(null);
  });

  r.get('/api/v1/user/summary', {
    schema: { tags, security, summary: 'Name, email, masked Card/ID numbers, recent sign-ins and changes', response: { 200: userSummarySchema, 401: userErrorSchema } },
    onRequest: requireUser,
  }, async (request, reply) => {
    const user = await findUserRow(ctx.storage.db, request.userWeb!.userId);
    if (!user) return reply.code(401).send(errorBody('unauthorized', 'Please sign in.'));
    return userSummary(ctx, user, request.userWeb!.via);
  });

  r.post('/api/v1/user/pin', {
    schema: { tags, security, summary: 'Change Card/ID PIN (new PIN twice; the current PIN after a Card/ID sign-in)', body: userPinChangeSchema, response: { 204: z.null(), ...errors } },
    onRequest: requireUser,
  }, async (request, reply) => {
    const changed = await changePinFromWeb(ctx, request.userWeb!, request.body);
    if (!changed.ok) return sendDomainError(reply, changed.error);
    return reply.code(204).send(null);
  });

  r.post('/api/v1/user/card', {
    schema: { tags, security, summary: 'Change Number: generate (manualNumber null) or type a Card/ID number', body: userCardChangeSchema, response: { 200: userCardChangedSchema, ...errors } },
    onRequest: requireUser,
  }, async (request, reply) => {
    const changed = await changeCardFromWeb(ctx, request.userWeb!, request.body.manualNumber);
    if (!changed.ok) return sendDomainError(reply, changed.error);
    return changed.value;
  });

}
