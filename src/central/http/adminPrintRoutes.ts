import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PrintServerSetup } from '../../core/index.js';
import { printServerCreateSchema, printServerSchema, releasePrinterSchema, releasePrinterSetResultSchema, releasePrinterSetSchema } from '../../protocol/printProtocol.js';
import type { CentralContext } from '../centralContext.js';
import { errorResponseSchema } from '../../protocol/index.js';
import { addPrintServer, kioskReleasePrinter, listPrintServers, releaseQueueVerdictFor, removePrintServer, setKioskReleasePrinter } from '../services/centralPrint.js';
import { ADMIN_SECURITY, idParamsSchema } from './adminSchemas.js';
import { errorBody } from './errorReplies.js';
import { adminAuth } from './requestAuth.js';

const tags = ['admin: print release'];
const security = ADMIN_SECURITY;
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
/** zod's output types are mutable; core's are read-only. */
const wire = (server: PrintServerSetup) => ({ ...server, followMeQueues: [...server.followMeQueues] });
const nameParamsSchema = z.object({ name: z.string().min(1).max(64) }).strict();

/**
 * Print servers and each kiosk's release printer (issue 12). Credentials are write-only: sealed
 * with the pepper-derived key on the way in, never in an answer, the audit or the logs.
 */
export function registerAdminPrintRoutes(app: FastifyInstance, ctx: CentralContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = adminAuth(ctx);

  r.get('/api/v1/admin/print-servers', {
    schema: { tags, security, summary: 'The site\'s CUPS print servers (never a password)', response: { 200: z.object({ servers: z.array(printServerSchema) }), ...errors } },
    onRequest,
  }, async () => ({ servers: (await listPrintServers(ctx.storage.db)).map(wire) }));

  r.post('/api/v1/admin/print-servers', {
    schema: { tags, security, summary: 'Add a CUPS print server: IPP URL, follow-me queues, optional username and password', body: printServerCreateSchema, response: { 200: printServerSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const { username, password, ...rest } = request.body;
    const added = await addPrintServer(ctx, { ...rest, ...(username !== undefined && password !== undefined ? { credentials: { username, password } } : {}) }, request.admin!.username);
    if (!added.ok) return reply.code(409).send(errorBody('conflict', added.error));
    return wire(added.value);
  });

  r.delete('/api/v1/admin/print-servers/:name', {
    schema: { tags, security, summary: 'Remove a print server and its credentials (refused while a kiosk prints to it)', params: nameParamsSchema, response: { 200: printServerSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const removed = await removePrintServer(ctx, request.params.name, request.admin!.username);
    if (!removed.ok) {
      return removed.error === 'not-found'
        ? reply.code(404).send(errorBody('not-found', `No print server "${request.params.name}".`))
        : reply.code(409).send(errorBody('conflict', removed.error));
    }
    return wire(removed.value);
  });

  r.get('/api/v1/admin/kiosks/:id/release-printer', {
    schema: { tags, security, summary: 'The printer beside this kiosk', params: idParamsSchema, response: { 200: releasePrinterSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const printer = await kioskReleasePrinter(ctx.storage.db, request.params.id);
    if (!printer) return reply.code(404).send(errorBody('not-found', 'This kiosk has no release printer.'));
    return printer;
  });

  r.put('/api/v1/admin/kiosks/:id/release-printer', {
    schema: {
      tags,
      security,
      summary: 'Set the printer beside this kiosk: a queue on one of the print servers',
      description:
        'The queue is looked up on the print server (CUPS-Get-Printers): a queue the server does not have is refused (422 unknown-queue). ' +
        'When the server cannot be reached the change is refused (503 print-unavailable) unless `noCheck` is true; then it is set and the answer carries a `warning`.',
      params: idParamsSchema,
      body: releasePrinterSetSchema,
      response: { 200: releasePrinterSetResultSchema, ...errors, 422: errorResponseSchema, 503: errorResponseSchema },
    },
    onRequest,
  }, async (request, reply) => {
    const { noCheck, ...printer } = request.body;
    const verdict = await releaseQueueVerdictFor(ctx, printer, noCheck === true, '"noCheck": true');
    if (!verdict.allowed) {
      return verdict.kind === 'missing'
        ? reply.code(422).send(errorBody('unknown-queue', verdict.message, { server: printer.server, queue: printer.queue }))
        : reply.code(503).send(errorBody('print-unavailable', verdict.message, { server: printer.server, queue: printer.queue }));
    }
    const set = await setKioskReleasePrinter(ctx, request.params.id, printer, request.admin!.username);
    if (!set.ok) {
      return set.error === 'no-kiosk'
        ? reply.code(404).send(errorBody('not-found', 'No such kiosk.'))
        : reply.code(409).send(errorBody('conflict', set.error));
    }
    return verdict.warning === null ? set.value : { ...set.value, warning: verdict.warning };
  });
}
