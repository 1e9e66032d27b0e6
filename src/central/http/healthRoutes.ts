import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CentralContext } from '../centralContext.js';

const tags = ['health'];

/** Liveness (the process answers) and readiness (the database answers and announcements flow). */
export function registerHealthRoutes(app: FastifyInstance, ctx: CentralContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/health', {
    schema: { tags, summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok'), version: z.string() }) } },
    config: { rateLimit: false },
  }, async () => ({ status: 'ok' as const, version: ctx.version }));

  r.get('/api/v1/ready', {
    schema: {
      tags, summary: 'Readiness: 200 when the database answers and live announcements flow, else 503',
      response: { 200: z.object({ status: z.literal('ready'), backend: z.string() }), 503: z.object({ status: z.literal('not-ready'), reason: z.string() }) },
    },
    config: { rateLimit: false },
  }, async (_request, reply) => {
    try {
      await ctx.storage.ready();
      return { status: 'ready' as const, backend: ctx.storage.dialect };
    } catch (error) {
      return reply.code(503).send({ status: 'not-ready' as const, reason: error instanceof Error ? error.message : String(error) });
    }
  });
}
