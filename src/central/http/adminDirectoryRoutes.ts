import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CentralContext } from '../centralContext.js';
import { errorResponseSchema } from '../../protocol/index.js';
import { syncDirectory } from '../services/directorySync.js';
import { ADMIN_SECURITY } from './adminSchemas.js';
import { errorBody } from './errorReplies.js';
import { adminAuth } from './requestAuth.js';

const named = z.object({ username: z.string() });
const syncReportSchema = z.object({
  dryRun: z.boolean(),
  peopleRead: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  created: z.array(z.object({ username: z.string(), displayName: z.string(), primaryCard: z.string().nullable() })),
  updated: z.array(named),
  cardsSet: z.array(z.object({ username: z.string(), cardNumber: z.string() })),
  keptSelfService: z.array(named),
  cardConflicts: z.array(z.object({ username: z.string(), cardNumber: z.string(), reason: z.string() })),
  usernameConflicts: z.array(z.object({ username: z.string(), clashesWith: z.string() })),
  beingImported: z.array(named),
  disabled: z.array(named),
  enabled: z.array(named),
});

/** Directory sync from the admin console (issue 14): the same service as `badgekiosk central directory sync`. */
export function registerAdminDirectoryRoutes(app: FastifyInstance, ctx: CentralContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/admin/directory/sync', {
    schema: {
      tags: ['admin: directory'], security: ADMIN_SECURITY,
      summary: 'Sync users from the directory (dryRun: show the difference, change nothing); one transaction, one directory.sync audit row',
      body: z.object({ dryRun: z.boolean().default(false) }),
      response: { 200: syncReportSchema, 401: errorResponseSchema, 403: errorResponseSchema, 503: errorResponseSchema },
    },
    onRequest: adminAuth(ctx),
  }, async (request, reply) => {
    const result = await syncDirectory(ctx, { dryRun: request.body.dryRun, actor: request.admin!.username });
    if (!result.ok) return reply.code(503).send(errorBody(`directory-${result.error.code}`, result.error.message));
    const { plan } = result.value;
    return {
      dryRun: result.value.dryRun,
      peopleRead: result.value.peopleRead,
      counts: result.value.counts,
      created: plan.create.map((c) => ({ username: c.person.username, displayName: c.person.displayName, primaryCard: c.primaryCard })),
      updated: plan.update.map((c) => ({ username: c.username })),
      cardsSet: plan.setCard.map((c) => ({ username: c.username, cardNumber: c.cardNumber })),
      keptSelfService: [...plan.keepSelfService],
      cardConflicts: [...plan.cardConflicts],
      usernameConflicts: [...plan.usernameConflicts],
      beingImported: [...plan.beingImported],
      disabled: plan.disable.map((c) => ({ username: c.username })),
      enabled: plan.enable.map((c) => ({ username: c.username })),
    };
  });
}
