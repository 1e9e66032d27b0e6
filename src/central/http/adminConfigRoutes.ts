import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CentralContext } from '../centralContext.js';
import { errorResponseSchema } from '../../protocol/index.js';
import { listConfig, setConfigAudited } from '../services/centralConfig.js';
import { configEntrySchema, configNameParamsSchema, setConfigSchema } from './adminSchemas.js';
import { ADMIN_SECURITY } from './adminSchemas.js';
import { errorBody } from './errorReplies.js';
import { adminAuth } from './requestAuth.js';

const tags = ['admin: configuration'];
const security = ADMIN_SECURITY;
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

export function registerAdminConfigRoutes(app: FastifyInstance, ctx: CentralContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = adminAuth(ctx);

  r.get('/api/v1/admin/config', {
    schema: { tags, security, summary: 'Every configuration key with type, default, range, description and value', response: { 200: z.object({ keys: z.array(configEntrySchema) }), ...errors } },
    onRequest,
  }, async () => ({ keys: await listConfig(ctx.storage.db) }));

  r.get('/api/v1/admin/config/:name', {
    schema: { tags, security, summary: 'One configuration key', params: configNameParamsSchema, response: { 200: configEntrySchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const entry = (await listConfig(ctx.storage.db)).find((e) => e.name === request.params.name);
    return entry ?? reply.code(404).send(errorBody('not-found', `Unknown configuration key ${JSON.stringify(request.params.name)}.`));
  });

  r.put('/api/v1/admin/config/:name', {
    schema: {
      tags, security,
      summary: 'Set a key (validated against the registry and cross-key rules); kiosks receive it at their next pull',
      params: configNameParamsSchema, body: setConfigSchema, response: { 200: configEntrySchema, ...errors },
    },
    onRequest,
  }, async (request, reply) => {
    const saved = await ctx.storage.write((tx) =>
      setConfigAudited({ tx, actor: request.admin!, now: ctx.clock.now(), random: ctx.random }, request.params.name, request.body.value),
    );
    if (!saved.ok) return reply.code(400).send(errorBody('invalid-config', saved.error));
    return (await listConfig(ctx.storage.db)).find((e) => e.name === saved.value.name)!;
  });
}
