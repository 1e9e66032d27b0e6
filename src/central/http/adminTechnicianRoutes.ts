import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { validatePinPolicy } from '../../core/index.js';
import type { CentralContext } from '../centralContext.js';
import { errorResponseSchema } from '../../protocol/index.js';
import { readConfig, setTechnicianPinHash, type TechnicianPinChange } from '../services/centralConfig.js';
import { ADMIN_SECURITY, idParamsSchema } from './adminSchemas.js';
import { errorBody } from './errorReplies.js';
import { adminAuth } from './requestAuth.js';

const tags = ['admin: technician mode'];
const security = ADMIN_SECURITY;
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

const technicianPinSchema = z.object({ pin: z.string().max(64).describe('The technician PIN (user PIN policy applies); stored only as an argon2id hash') }).strict();
const technicianPinStateSchema = z.object({ set: z.boolean() });
const readerProfileAnswerSchema = z.object({
  kioskId: z.string(),
  savedAt: z.number().int().describe('When the kiosk\'s technician saved it'),
  receivedAt: z.number().int(),
  profile: z.unknown().describe('The reader profile (format badgekiosk.reader-profile), as the kiosk sent it'),
});

/**
 * Technician mode from the central store: the technician PIN of every kiosk (`technician.pin-hash`,
 * hashed here with the site pepper the kiosks verify with; the PIN and the hash never appear in an
 * answer or the audit), and the reader profile each kiosk's technician saved.
 */
export function registerAdminTechnicianRoutes(app: FastifyInstance, ctx: CentralContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = adminAuth(ctx);

  const store = (hash: string, actor: string, what: TechnicianPinChange) =>
    ctx.storage.write((tx) => setTechnicianPinHash({ tx, actor: { username: actor }, now: ctx.clock.now(), random: ctx.random }, hash, what));

  r.put('/api/v1/admin/technician-pin', {
    schema: { tags, security, summary: 'Set the technician PIN of every kiosk (kiosks receive its hash at their next pull)', body: technicianPinSchema, response: { 200: technicianPinStateSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const config = await readConfig(ctx.storage.db);
    const checked = validatePinPolicy(request.body.pin, { minLength: config['pin.min-length'], maxLength: config['pin.max-length'] });
    if (!checked.ok) return reply.code(400).send(errorBody('pin-policy', `The technician PIN is not allowed: ${checked.error.message}`, checked.error.details));
    const saved = await store(await ctx.pinHasher.hash(request.body.pin), request.admin!.username, 'technician-pin-set');
    if (!saved.ok) return reply.code(400).send(errorBody('invalid-config', saved.error));
    return { set: true };
  });

  r.delete('/api/v1/admin/technician-pin', {
    schema: { tags, security, summary: 'Remove the technician PIN: technician mode can no longer be opened on any kiosk', response: { 200: technicianPinStateSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const saved = await store('', request.admin!.username, 'technician-pin-cleared');
    if (!saved.ok) return reply.code(400).send(errorBody('invalid-config', saved.error));
    return { set: false };
  });

  r.get('/api/v1/admin/kiosks/:id/reader-profile', {
    schema: { tags, security, summary: 'The reader profile this kiosk\'s technician last saved', params: idParamsSchema, response: { 200: readerProfileAnswerSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const row = await ctx.storage.db.selectFrom('kiosk_reader_profiles').selectAll().where('kiosk_id', '=', request.params.id).executeTakeFirst();
    if (!row) return reply.code(404).send(errorBody('not-found', 'This kiosk has sent no reader profile.'));
    return { kioskId: row.kiosk_id, savedAt: Number(row.saved_at), receivedAt: Number(row.received_at), profile: JSON.parse(row.profile) as unknown };
  });
}
