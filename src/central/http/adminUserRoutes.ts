import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { validatePinPolicy } from '../../core/index.js';
import type { CentralContext } from '../centralContext.js';
import { errorResponseSchema } from '../../protocol/index.js';
import {
  adminView,
  createUser,
  deleteUser,
  resetPin,
  searchUsers,
  setUserCards,
  unlockUser,
  updateUser,
  type AdminWriteContext,
} from '../services/adminUsers.js';
import { readConfig } from '../services/centralConfig.js';
import { findUserRow } from '../services/userRows.js';
import { checkNewUserFields } from '../../userImport/newUserFields.js';
import { UserCsvFormatError } from '../../userImport/userCsvReader.js';
import { importUsersCsv } from '../services/centralUserImport.js';
import {
  adminUserSchema,
  createUserSchema,
  idParamsSchema,
  importRefusedSchema,
  importResultSchema,
  MAX_IMPORT_BYTES,
  setCardsSchema,
  updateUserSchema,
  userListQuerySchema,
  userListSchema,
} from './adminSchemas.js';
import { ADMIN_SECURITY } from './adminSchemas.js';
import { errorBody, sendDomainError } from './errorReplies.js';
import { streamCsvBodies } from './csvUploadBody.js';
import { importGate } from './importGate.js';
import { adminAuth } from './requestAuth.js';

const tags = ['admin: users'];
const security = ADMIN_SECURITY;
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };

/** Runs an administrator's change in one write transaction, audited under their name. */
export function adminWrite<T>(ctx: CentralContext, request: FastifyRequest, fn: (w: AdminWriteContext) => Promise<T>): Promise<T> {
  return ctx.storage.write((tx) => fn({ tx, actor: { username: request.admin!.username }, now: ctx.clock.now(), random: ctx.random }));
}

export function registerAdminUserRoutes(app: FastifyInstance, ctx: CentralContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = adminAuth(ctx);
  const oneImportAtATime = importGate(1);
  streamCsvBodies(app, MAX_IMPORT_BYTES);

  r.get('/api/v1/admin/users', {
    schema: { tags, security, summary: 'Search users (part of username, name or email; or a whole Card/ID number)', querystring: userListQuerySchema, response: { 200: userListSchema, ...errors } },
    onRequest,
  }, async (request) => searchUsers(ctx.storage.db, request.query, ctx.storage.dialect));

  r.post('/api/v1/admin/users/import', {
    schema: {
      tags, security,
      summary: 'Import users from CSV (header username,name,email,primary_card,secondary_card,pin): all rows or none',
      consumes: ['text/csv'],
      // Read as a stream by the handler (never buffered whole), so not validated here; the CSV reader checks it.
      body: z.unknown().describe('The CSV file (UTF-8, text/csv), as for `badgekiosk users import`'),
      response: { 200: importResultSchema, ...errors, 422: importRefusedSchema, 429: errorResponseSchema },
    },
    // Who asks is checked before the body is read; then one import at a time.
    onRequest: [onRequest, oneImportAtATime],
  }, async (request, reply) => {
    try {
      const outcome = await importUsersCsv(
        request.body as Readable,
        { storage: ctx.storage, pinHasher: ctx.pinHasher, hashConcurrency: 2, clock: ctx.clock, random: ctx.random },
        { username: request.admin!.username },
      );
      if (outcome.ok) return { imported: outcome.imported, withPin: outcome.withPin };
      return reply.code(422).send({
        ...errorBody('import-refused', `${outcome.problemCount} row(s) have problems; nothing was imported.`),
        problems: [...outcome.problems],
        problemCount: outcome.problemCount,
      });
    } catch (error) {
      // Refused before the whole file was read (bad header, over the limit): the rest of it is never
      // read, so the connection must close after the answer rather than wait on it for ever.
      if (!(request.body as Readable).readableEnded) reply.header('connection', 'close');
      if (error instanceof UserCsvFormatError) return reply.code(400).send(errorBody('invalid-csv', error.message));
      throw error;
    }
  });

  r.get('/api/v1/admin/users/:id', {
    schema: { tags, security, summary: 'One user', params: idParamsSchema, response: { 200: adminUserSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const row = await findUserRow(ctx.storage.db, request.params.id);
    return row ? adminView(row) : reply.code(404).send(errorBody('not-found', 'No such user.'));
  });

  r.post('/api/v1/admin/users', {
    schema: { tags, security, summary: 'Create a user', body: createUserSchema, response: { 201: adminUserSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const body = request.body;
    const config = await readConfig(ctx.storage.db);
    const policy = { minLength: config['pin.min-length'], maxLength: config['pin.max-length'] };
    const { fields, reasons } = checkNewUserFields(
      { username: body.username, name: body.displayName, email: body.email, primaryCard: body.primaryCard ?? '', secondaryCard: body.secondaryCard ?? '', pin: body.pin ?? '' },
      (pin) => {
        const checked = validatePinPolicy(pin, policy);
        return checked.ok ? null : checked.error.message;
      },
    );
    if (reasons.length > 0) return reply.code(400).send(errorBody('invalid-input', reasons.join('; ')));
    const pinHash = fields.pin === null ? null : await ctx.pinHasher.hash(fields.pin);
    const { pin: _pin, ...user } = fields;
    const created = await adminWrite(ctx, request, (w) => createUser(w, { ...user, pinHash }));
    return created.ok ? reply.code(201).send(created.value) : sendDomainError(reply, created.error);
  });

  r.patch('/api/v1/admin/users/:id', {
    schema: { tags, security, summary: 'Change username, name, email or disabled', params: idParamsSchema, body: updateUserSchema, response: { 200: adminUserSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const current = await findUserRow(ctx.storage.db, request.params.id);
    if (!current) return reply.code(404).send(errorBody('not-found', 'No such user.'));
    const patch = request.body;
    const { reasons } = checkNewUserFields(
      { username: patch.username ?? current.username, name: patch.displayName ?? current.display_name, email: patch.email ?? current.email, primaryCard: '', secondaryCard: '', pin: '' },
      () => null,
    );
    if (reasons.length > 0) return reply.code(400).send(errorBody('invalid-input', reasons.join('; ')));
    const updated = await adminWrite(ctx, request, (w) => updateUser(w, request.params.id, patch));
    return updated.ok ? updated.value : sendDomainError(reply, updated.error);
  });

  r.delete('/api/v1/admin/users/:id', {
    schema: { tags, security, summary: 'Delete a user (kiosks drop it at their next pull)', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    onRequest,
  }, async (request, reply) => {
    const deleted = await adminWrite(ctx, request, (w) => deleteUser(w, request.params.id));
    return deleted.ok ? reply.code(204).send(null) : sendDomainError(reply, deleted.error);
  });

  r.put('/api/v1/admin/users/:id/cards', {
    schema: { tags, security, summary: 'Set or clear Card/ID numbers (unique across both fields of all users)', params: idParamsSchema, body: setCardsSchema, response: { 200: adminUserSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const saved = await adminWrite(ctx, request, (w) => setUserCards(w, request.params.id, request.body));
    return saved.ok ? saved.value : sendDomainError(reply, saved.error);
  });

  r.post('/api/v1/admin/users/:id/reset-pin', {
    schema: { tags, security, summary: 'Clear the PIN: the user sets a new one at the next login after a card swipe', params: idParamsSchema, response: { 200: adminUserSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const saved = await adminWrite(ctx, request, (w) => resetPin(w, request.params.id));
    return saved.ok ? saved.value : sendDomainError(reply, saved.error);
  });

  r.post('/api/v1/admin/users/:id/unlock', {
    schema: { tags, security, summary: 'Lift a lockout and clear the failed PIN count', params: idParamsSchema, response: { 200: adminUserSchema, ...errors } },
    onRequest,
  }, async (request, reply) => {
    const saved = await adminWrite(ctx, request, (w) => unlockUser(w, request.params.id));
    return saved.ok ? saved.value : sendDomainError(reply, saved.error);
  });
}
