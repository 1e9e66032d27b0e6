import type { FastifyReply, FastifyRequest } from 'fastify';
import { USER_WEB_CSRF_HEADER } from '../../protocol/userWeb.js';
import type { CentralContext } from '../centralContext.js';
import { currentConfig } from '../services/centralConfig.js';
import { userWebSession, type UserWebIdentity } from '../services/userWebSessions.js';
import { sameSecret } from '../security/secrets.js';
import { errorBody } from './errorReplies.js';

/** Apart from the admin cookie (bk_admin): a user session never opens an admin route, nor the reverse. */
export const USER_SESSION_COOKIE = 'bk_user';
export const USER_COOKIE_PATH = '/api/v1/user';

declare module 'fastify' {
  interface FastifyRequest {
    userWeb: UserWebIdentity | null;
  }
}

export async function idleMsOf(ctx: CentralContext): Promise<number> {
  return (await currentConfig(ctx.storage))['user-web.idle-timeout-minutes'] * 60_000;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A signed-in user (cookie session, idle timeout); writes also carry the session's CSRF token. */
export function userWebAuth(ctx: CentralContext) {
  return async function requireUser(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const sessionId = request.cookies[USER_SESSION_COOKIE];
    const identity = sessionId ? await userWebSession(ctx.storage.db, sessionId, ctx.clock.now(), await idleMsOf(ctx)) : undefined;
    if (!identity) {
      await reply.code(401).send(errorBody('unauthorized', 'Please sign in (your session has ended or never began).'));
      return;
    }
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers[USER_WEB_CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, identity.csrfToken)) {
        await reply.code(403).send(errorBody('csrf', `Missing or wrong ${USER_WEB_CSRF_HEADER} header.`));
        return;
      }
    }
    request.userWeb = identity;
  };
}
