import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CentralContext } from '../centralContext.js';
import { errorResponseSchema } from '../../protocol/index.js';
import { queryAudit } from '../services/centralAudit.js';
import { auditEventSchema, auditQuerySchema } from './adminSchemas.js';
import { ADMIN_SECURITY } from './adminSchemas.js';
import { auditCsv } from './auditCsv.js';
import { adminAuth } from './requestAuth.js';

const tags = ['admin: audit'];
const security = ADMIN_SECURITY;
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };

export function registerAdminAuditRoutes(app: FastifyInstance, ctx: CentralContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = adminAuth(ctx);

  r.get('/api/v1/admin/audit', {
    schema: { tags, security, summary: 'Audit events, newest first, filtered by user, kiosk, kind, outcome and time', querystring: auditQuerySchema, response: { 200: z.object({ events: z.array(auditEventSchema) }), ...errors } },
    onRequest,
  }, async (request) => ({ events: await queryAudit(ctx.storage.db, request.query) }));

  r.get('/api/v1/admin/audit.csv', {
    schema: { tags, security, summary: 'The same filters as /audit, as a CSV download', querystring: auditQuerySchema, response: { 200: z.string().describe('text/csv'), ...errors } },
    onRequest,
  }, async (request, reply) => {
    const events = await queryAudit(ctx.storage.db, request.query);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="badgekiosk-audit.csv"')
      .send(auditCsv(events));
  });
}
