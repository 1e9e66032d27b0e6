import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CentralContext } from '../centralContext.js';
import { errorResponseSchema } from '../../protocol/index.js';
import { appendAudit } from '../services/centralAudit.js';
import { createKiosk, listKiosks, revokeKiosk, summarizeKiosk } from '../services/kioskRegistry.js';
import { createdKioskSchema, createKioskSchema, idParamsSchema, kioskSchema } from './adminSchemas.js';
import { ADMIN_SECURITY } from './adminSchemas.js';
import { errorBody } from './errorReplies.js';
import { adminAuth } from './requestAuth.js';

const tags = ['admin: kiosks'];
const security = ADMIN_SECURITY;
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

export function registerAdminKioskRoutes(app: FastifyInstance, ctx: CentralContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = adminAuth(ctx);

  r.post('/api/v1/admin/kiosks', {
    schema: { tags, security, summary: 'Create a kiosk and its one-time enrollment code (valid 24 hours)', body: createKioskSchema, response: { 201: createdKioskSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const now = ctx.clock.now();
    const created = await ctx.storage.write(async (tx) => {
      const result = await createKiosk(tx, ctx.random.uuid(), request.body.name, now);
      await appendAudit(tx.db, {
        id: ctx.random.uuid(), at: now, kind: 'kiosk.create', outcome: 'success', userId: null, username: null,
        kioskId: result.kiosk.id, actor: request.admin!.username, code: null, details: { name: request.body.name },
      });
      return result;
    });
    return reply.code(201).send({
      kiosk: summarizeKiosk(created.kiosk, now, await ctx.storage.latestSeq()),
      enrollmentCode: created.code,
      expiresAt: Number(created.kiosk.enrollment_expires_at),
    });
  });

  r.get('/api/v1/admin/kiosks', {
    schema: { tags, security, summary: 'Kiosks with state, last seen, version and whether online', response: { 200: z.object({ kiosks: z.array(kioskSchema) }), ...errors } },
    onRequest,
  }, async () => {
    const now = ctx.clock.now();
    const latest = await ctx.storage.latestSeq();
    return { kiosks: (await listKiosks(ctx.storage.db)).map((row) => summarizeKiosk(row, now, latest)) };
  });

  r.post('/api/v1/admin/kiosks/:id/revoke', {
    schema: { tags, security, summary: 'Revoke a kiosk: its token stops working at once', params: idParamsSchema, response: { 200: kioskSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const now = ctx.clock.now();
    const revoked = await ctx.storage.write(async (tx) => {
      const row = await revokeKiosk(tx, request.params.id, now);
      if (row) {
        await appendAudit(tx.db, {
          id: ctx.random.uuid(), at: now, kind: 'kiosk.revoke', outcome: 'success', userId: null, username: null,
          kioskId: row.id, actor: request.admin!.username, code: null, details: { name: row.name },
        });
      }
      return row;
    });
    if (!revoked) return reply.code(404).send(errorBody('not-found', 'No such kiosk.'));
    // Answered once this process heard the revocation the way every other process hears it, so
    // the kiosk's next request is refused wherever it lands.
    await ctx.storage.revocationHeard(revoked.id);
    return summarizeKiosk(revoked, now, await ctx.storage.latestSeq());
  });
}
