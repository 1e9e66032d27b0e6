import { z } from 'zod';
import { errorReasonSchema } from './errors.js';
import { epochMs, wireArgon2Hash, wireCardField, wireCardNumber, wireId, wireTypedIdDigest } from './wireFields.js';

export const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pin-changed'), userId: wireId, pinHash: wireArgon2Hash, at: epochMs }).strict(),
  z.object({ type: z.literal('failed-attempt'), userId: wireId, at: epochMs }).strict(),
  z.object({ type: z.literal('login-succeeded'), userId: wireId, at: epochMs }).strict(),
  z.object({
    type: z.literal('typed-id-attempt'),
    digest: wireTypedIdDigest,
    masked: z.string().max(8).regex(/^…[0-9A-Za-z]{0,4}$/, 'an ellipsis and at most the last four characters').describe('The typed number as the audit shows it'),
    at: epochMs,
  }).strict(),
  z.object({ type: z.literal('card-change-request'), userId: wireId, field: wireCardField, manualNumber: wireCardNumber.nullable(), at: epochMs }).strict(),
  z.object({ type: z.literal('reader-profile'), profile: z.string().min(2).max(256 * 1024).describe('JSON of the kiosk\'s reader profile'), at: epochMs }).strict(),
]);

export const idempotencyKeySchema = z.string().min(8).max(100).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

export const MAX_COMMANDS_PER_PUSH = 200;

export const commandsRequestSchema = z
  .object({
    commands: z
      .array(z.object({ idempotencyKey: idempotencyKeySchema, command: commandSchema }).strict())
      .min(1)
      .max(MAX_COMMANDS_PER_PUSH),
  })
  .strict();
export type CommandsRequest = z.infer<typeof commandsRequestSchema>;

export const commandResultSchema = z.object({
  idempotencyKey: z.string(),
  status: z.enum(['accepted', 'rejected']),
  /** True when the key was seen before: this is the answer given the first time. */
  duplicate: z.boolean(),
  cardNumber: z.string().optional(),
  reason: errorReasonSchema.optional(),
});
export type CommandResult = z.infer<typeof commandResultSchema>;

export const commandsResponseSchema = z.object({ results: z.array(commandResultSchema) });

export const commandLookupParamsSchema = z.object({ key: idempotencyKeySchema }).strict();
