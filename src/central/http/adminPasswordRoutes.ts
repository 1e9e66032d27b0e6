import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CentralContext } from '../centralContext.js';
import { errorResponseSchema } from '../../protocol/index.js';
import { appendAudit } from '../services/centralAudit.js';
import { checkAdminPassword, hashAdminPassword, verifyAdminPassword } from '../security/adminPasswords.js';
import { ADMIN_SECURITY, changePasswordSchema } from './adminSchemas.js';
import { errorBody } from './errorReplies.js';
import type { RateLimits } from './rateLimits.js';
import { adminAuth } from './requestAuth.js';

/**
 * An administrator changes their own password (the console's "Change password"). The current
 * password is asked again, so a session left open on someone's desk cannot lock its owner out.
 */
export function registerAdminPasswordRoutes(app: FastifyInstance, ctx: CentralContext, limits: RateLimits): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put('/api/v1/admin/password', {
    schema: {
      tags: ['admin: session'], security: ADMIN_SECURITY,
      summary: "Change the logged-in administrator's own password (current password required; at least 12 characters)",
      body: changePasswordSchema,
      response: { 204: z.null(), 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
    },
    config: { rateLimit: { max: limits.loginPerMinute, timeWindow: '1 minute' } },
    onRequest: adminAuth(ctx),
  }, async (request, reply) => {
    const admin = request.admin!;
    const row = await ctx.storage.db.selectFrom('admins').select(['password_hash']).where('id', '=', admin.adminId).executeTakeFirst();
    const { good } = await verifyAdminPassword(ctx.pinHasher, row?.password_hash ?? null, request.body.currentPassword);
    const weak = good ? checkAdminPassword(request.body.newPassword) : null;
    const hash = good && !weak ? await hashAdminPassword(ctx.pinHasher, request.body.newPassword) : null;
    const now = ctx.clock.now();
    await ctx.storage.write(async (tx) => {
      if (hash) await tx.db.updateTable('admins').set({ password_hash: hash }).where('id', '=', admin.adminId).execute();
      await appendAudit(tx.db, {
        id: ctx.random.uuid(), at: now, kind: 'admin.password.change', outcome: hash ? 'success' : 'failure', userId: null, username: null,
        kioskId: null, actor: admin.username, code: hash ? null : good ? 'weak-password' : 'invalid-credentials', details: {},
      });
    });
    if (!good) return reply.code(400).send(errorBody('invalid-credentials', 'The current password is wrong.'));
    if (weak) return reply.code(400).send(errorBody('weak-password', weak));
    return reply.code(204).send(null);
  });
}
