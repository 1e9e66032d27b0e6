import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PrinterCondition, PrintNotConfigured, PrintTarget, PrintUnavailable, PrintUser } from '../../core/index.js';
import {
  heldJobsResponseSchema,
  jobActionRequestSchema,
  jobActionResponseSchema,
  printerConditionSchema,
  printUserRequestSchema,
} from '../../protocol/printProtocol.js';
import type { CentralContext } from '../centralContext.js';
import { errorResponseSchema } from '../../protocol/index.js';
import { centralHeldJobs, printTargetForKiosk } from '../services/centralPrint.js';
import { visibleUser } from '../services/visibleUsers.js';
import { errorBody } from './errorReplies.js';
import type { RateLimits } from './rateLimits.js';
import { kioskAuth } from './requestAuth.js';

const tags = ['kiosk: print release'];
const security: Record<string, string[]>[] = [{ kioskToken: [] }];
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 503: errorResponseSchema };

/**
 * Print release for enrolled kiosks (issue 12): the central store holds the print servers and
 * their credentials and talks to CUPS. The target is always the calling kiosk's own release
 * printer, and a job is acted on only when it is the named user's (src/core/print).
 */
export function registerKioskPrintRoutes(app: FastifyInstance, ctx: CentralContext, limits: RateLimits): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = kioskAuth(ctx);
  const config = { rateLimit: { max: limits.kioskPerMinute, timeWindow: '1 minute', keyGenerator: limits.keyByBearer } };

  const refuse = (reply: FastifyReply, error: PrintUnavailable | PrintNotConfigured) => {
    if (error.code === 'print-unavailable') {
      reply.log.warn({ reason: error.reason }, 'print server unavailable');
      return reply.code(503).send(errorBody(error.code, error.message));
    }
    return reply.code(409).send(errorBody(error.code, error.message, { command: error.command }));
  };

  /** The user and this kiosk's target, or the reply already sent. */
  const resolve = async (kioskId: string, userId: string, reply: FastifyReply): Promise<{ user: PrintUser; target: PrintTarget } | undefined> => {
    const user = await ctx.storage.db.selectFrom('users').select(['id', 'username', 'disabled']).where('id', '=', userId).where(visibleUser()).executeTakeFirst();
    if (!user || user.disabled) {
      await reply.code(404).send(errorBody('not-found', 'No such user.'));
      return undefined;
    }
    const target = await printTargetForKiosk(ctx, kioskId);
    if (!target.ok) {
      await refuse(reply, target.error);
      return undefined;
    }
    return { user: { id: user.id, username: user.username }, target: target.value };
  };

  const wireCondition = (condition: PrinterCondition) => ({ ...condition, reasons: [...condition.reasons] });

  r.get('/api/v1/kiosk/print/jobs', {
    schema: { tags, security, summary: 'A signed-in user\'s held jobs on this kiosk\'s release printer and the follow-me queues, newest first', querystring: printUserRequestSchema, response: { 200: heldJobsResponseSchema, ...errors } },
    onRequest,
    config,
  }, async (request, reply) => {
    const found = await resolve(request.kiosk!.id, request.query.userId, reply);
    if (!found) return reply;
    const listed = await centralHeldJobs(ctx, request.kiosk!.id).list(found.user, found.target);
    if (!listed.ok) return refuse(reply, listed.error);
    return { jobs: [...listed.value], printer: { server: found.target.server.name, queue: found.target.releaseQueue } };
  });

  for (const action of ['release', 'delete'] as const) {
    r.post(`/api/v1/kiosk/print/${action}`, {
      schema: {
        tags, security,
        summary: action === 'release' ? 'Release the user\'s held jobs to this kiosk\'s printer (follow-me jobs are moved there first)' : 'Delete the user\'s held jobs without printing',
        body: jobActionRequestSchema,
        response: { 200: jobActionResponseSchema, ...errors },
      },
      onRequest,
      config,
    }, async (request, reply) => {
      const found = await resolve(request.kiosk!.id, request.body.userId, reply);
      if (!found) return reply;
      const heldJobs = centralHeldJobs(ctx, request.kiosk!.id);
      const result = action === 'release' ? await heldJobs.release(found.user, found.target, request.body.selection) : await heldJobs.delete(found.user, found.target, request.body.selection);
      if (!result.ok) return refuse(reply, result.error);
      // After the release, not beside it: cupsd answers one request at a time (see localPrint.ts).
      const condition = action === 'release' ? await heldJobs.printer(found.target) : undefined;
      if (condition && !condition.ok) return refuse(reply, condition.error);
      return { outcomes: [...result.value], printer: condition?.ok ? wireCondition(condition.value) : null, queue: found.target.releaseQueue };
    });
  }

  r.get('/api/v1/kiosk/print/printer', {
    schema: { tags, security, summary: 'This kiosk\'s release printer: its state in words', response: { 200: printerConditionSchema, ...errors } },
    onRequest,
    config,
  }, async (request, reply) => {
    const target = await printTargetForKiosk(ctx, request.kiosk!.id);
    if (!target.ok) return refuse(reply, target.error);
    const condition = await centralHeldJobs(ctx, request.kiosk!.id).printer(target.value);
    if (!condition.ok) return refuse(reply, condition.error);
    return wireCondition(condition.value);
  });
}
