import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CentralContext } from '../centralContext.js';
import {
  changesQuerySchema,
  changesResponseSchema,
  commandLookupParamsSchema,
  commandResultSchema,
  commandsRequestSchema,
  commandsResponseSchema,
  enrollRequestSchema,
  enrollResponseSchema,
  errorResponseSchema,
  KIOSK_API,
  type CommandResult,
} from '../../protocol/index.js';
import { appendAudit } from '../services/centralAudit.js';
import { readChanges } from '../services/changeFeed.js';
import { applyKioskCommand, type CommandAnswer } from '../services/kioskCommands.js';
import { redeemEnrollmentCode } from '../services/kioskRegistry.js';
import { errorBody } from './errorReplies.js';
import type { LiveChannels } from './liveChannels.js';
import { changesQueryValidator } from './changesQueryValidator.js';
import { KioskRequestLimit } from './kioskRequestLimit.js';
import { kioskAuth } from './requestAuth.js';
import type { RateLimits } from './rateLimits.js';

const tags = ['kiosk'];
const security: Record<string, string[]>[] = [{ kioskToken: [] }];

function toResult(idempotencyKey: string, answer: CommandAnswer, duplicate: boolean): CommandResult {
  return answer.status === 'accepted'
    ? { idempotencyKey, status: 'accepted', duplicate, ...(answer.cardNumber !== undefined ? { cardNumber: answer.cardNumber } : {}) }
    : { idempotencyKey, status: 'rejected', duplicate, reason: answer.reason };
}

/** `/api/v1/kiosk/…`: enrollment, change feed, live channel and command push (DESIGN §5). */
export function registerKioskRoutes(app: FastifyInstance, ctx: CentralContext, live: LiveChannels, limits: RateLimits): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Each route counts its own requests per kiosk inside the token check (no @fastify/rate-limit hook:
  // `rateLimit: false`), as the plugin counted them per route.
  const guard = (recordsPulls = false) => ({
    onRequest: kioskAuth(ctx, { limit: new KioskRequestLimit(limits.kioskPerMinute), recordsPulls }),
    config: { rateLimit: false as const },
  });

  r.post(KIOSK_API.enroll, {
    schema: {
      tags,
      summary: 'Exchange a one-time enrollment code for a kiosk token and the site PIN pepper',
      body: enrollRequestSchema,
      response: { 200: enrollResponseSchema, 400: errorResponseSchema, 403: errorResponseSchema },
    },
    config: { rateLimit: { max: limits.enrollPerMinute, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const now = ctx.clock.now();
    const redeemed = await ctx.storage.write(async (tx) => {
      const result = await redeemEnrollmentCode(tx, request.body.code, request.body.version ?? null, now);
      if (result) {
        await appendAudit(tx.db, {
          id: ctx.random.uuid(), at: now, kind: 'kiosk.enroll', outcome: 'success', userId: null, username: null,
          kioskId: result.kiosk.id, actor: null, code: null, details: { name: result.kiosk.name },
        });
      }
      return result;
    });
    if (!redeemed) return reply.code(403).send(errorBody('invalid-code', 'This enrollment code is unknown, already used, expired or revoked.'));
    return {
      kioskId: redeemed.kiosk.id,
      kioskName: redeemed.kiosk.name,
      siteId: ctx.siteId,
      token: redeemed.token,
      pepper: ctx.pepper.toString('base64'),
    };
  });

  r.get(KIOSK_API.changes, {
    schema: {
      tags, security,
      summary: 'Users, configuration and Card/ID changes changed after a sequence, in pages',
      querystring: changesQuerySchema,
      response: { 200: changesResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema },
    },
    ...guard(true),
    validatorCompiler: changesQueryValidator,
    // The page is built here from typed rows; checking it against its schema again on every idle
    // poll cost a fifth of the route (the schema still documents it in OpenAPI).
    serializerCompiler: () => (data) => JSON.stringify(data),
  }, async (request) => readChanges(ctx.storage, request.query.after, request.query.limit, ctx.clock.now()));

  r.get(KIOSK_API.live, {
    schema: {
      tags, security,
      summary: 'Live channel (text/event-stream): `seq` events announce the latest sequence; pull when it passes your cursor',
      response: { 200: z.string().describe('text/event-stream'), 401: errorResponseSchema },
    },
    ...guard(),
  }, async (request, reply) => {
    await live.open(request.kiosk!.id, reply);
  });

  r.post(KIOSK_API.commands, {
    schema: {
      tags, security,
      summary: 'Push outbox commands; each is applied exactly once per idempotency key',
      body: commandsRequestSchema,
      response: { 200: commandsResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema },
    },
    ...guard(),
    bodyLimit: 512 * 1024,
  }, async (request) => {
    const kioskId = request.kiosk!.id;
    const results: CommandResult[] = [];
    // One transaction per command: a refusal of one never undoes another.
    for (const { idempotencyKey, command } of request.body.commands) {
      const { answer, duplicate } = await ctx.storage.write((tx) =>
        applyKioskCommand({ tx, kioskId, idempotencyKey, now: ctx.clock.now(), random: ctx.random }, command),
      );
      results.push(toResult(idempotencyKey, answer, duplicate));
    }
    return { results };
  });

  r.get(KIOSK_API.commandOutcome, {
    schema: {
      tags, security,
      summary: "The answer given to one of this kiosk's commands (never another kiosk's)",
      params: commandLookupParamsSchema,
      response: { 200: commandResultSchema, 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema },
    },
    ...guard(),
  }, async (request, reply) => {
    const row = await ctx.storage.db
      .selectFrom('commands')
      .select('answer')
      .where('kiosk_id', '=', request.kiosk!.id)
      .where('idempotency_key', '=', request.params.key)
      .executeTakeFirst();
    if (!row) return reply.code(404).send(errorBody('not-found', 'This kiosk pushed no command with that key.'));
    return toResult(request.params.key, JSON.parse(row.answer) as CommandAnswer, true);
  });
}
