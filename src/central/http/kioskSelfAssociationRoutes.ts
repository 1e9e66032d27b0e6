import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { selfAssociationRequestSchema, selfAssociationResponseSchema } from '../../protocol/selfAssociation.js';
import type { CentralContext } from '../centralContext.js';
import { errorResponseSchema } from '../../protocol/index.js';
import { selfAssociateCard } from '../services/cardSelfAssociation.js';
import { errorBody } from './errorReplies.js';
import type { RateLimits } from './rateLimits.js';
import { kioskAuth } from './requestAuth.js';

/** `POST /api/v1/kiosk/self-associate`: an enrolled kiosk links an unknown card for its owner (issue 14). */
export function registerKioskSelfAssociationRoutes(app: FastifyInstance, ctx: CentralContext, limits: RateLimits): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/kiosk/self-associate', {
    schema: {
      tags: ['kiosk'], security: [{ kioskToken: [] }],
      summary: 'Link an unknown card to the user who signs in with their directory username and password (card-id.self-association)',
      body: selfAssociationRequestSchema,
      response: { 200: selfAssociationResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 423: errorResponseSchema, 503: errorResponseSchema },
    },
    // Password guesses: as tight as the User web interface's sign-in, per kiosk.
    config: { rateLimit: { max: limits.userSignInPerMinute, timeWindow: '1 minute', keyGenerator: limits.keyByBearer } },
    onRequest: kioskAuth(ctx),
  }, async (request, reply) => {
    const result = await selfAssociateCard(ctx, request.kiosk!.id, request.body.cardNumber, request.body.username, request.body.password);
    if (!result.ok) return reply.code(result.refusal.status).send(errorBody(result.refusal.code, result.refusal.message, result.refusal.details));
    return result.value;
  });
}
