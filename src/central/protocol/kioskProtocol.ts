import { z } from 'zod';
import { MAX_CARD_NUMBER_LENGTH } from '../../core/index.js';

/**
 * The kiosk API (`/api/v1/kiosk/…`, DESIGN §5): what the central store serves and what the
 * kiosk's sync client (src/sync) sends and checks. One definition for both sides.
 */

export const API_PREFIX = '/api/v1';
export const KIOSK_VERSION_HEADER = 'x-badgekiosk-version';

const epochMs = z.number().int().min(0).max(8.64e15);
const id = z.string().min(1).max(100);
const cardNumber = z.string().min(1).max(MAX_CARD_NUMBER_LENGTH).regex(/^[0-9A-Za-z]+$/, 'letters and digits only');
const cardField = z.enum(['primary', 'secondary']);

export const enrollRequestSchema = z
  .object({
    code: z.string().min(4).max(64).describe('One-time enrollment code from the administrator, e.g. 7KQ2-M9XD-4TPA'),
    version: z.string().max(64).optional().describe('badgekiosk version running on the kiosk'),
  })
  .strict();

export const enrollResponseSchema = z.object({
  kioskId: z.string(),
  kioskName: z.string(),
  siteId: z.string(),
  token: z.string().describe('Bearer token for every later kiosk call; shown once'),
  pepper: z.string().describe('The site PIN pepper, base64; the kiosk keeps it apart from its database'),
});

export const changesQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).describe('Last sequence already applied; 0 for a full sync'),
    limit: z.coerce.number().int().min(1).max(10_000).default(5_000),
  })
  .strict();

export const wireUserSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  primaryCard: z.string().nullable(),
  secondaryCard: z.string().nullable(),
  pinHash: z.string().nullable(),
  disabled: z.boolean(),
  failedAttempts: z.number().int().min(0),
  lockedUntil: epochMs.nullable(),
  version: z.number().int().min(0),
  updatedAt: epochMs,
});

const seq = z.number().int().min(0);

export const feedChangeSchema = z.discriminatedUnion('type', [
  z.object({ seq, type: z.literal('user'), user: wireUserSchema }),
  z.object({ seq, type: z.literal('user-deleted'), userId: id }),
  z.object({ seq, type: z.literal('config'), name: z.string(), value: z.union([z.boolean(), z.number(), z.string()]) }),
  z.object({
    seq, type: z.literal('card-change'), id, userId: id, field: cardField, kind: z.enum(['generated', 'manual']), at: epochMs,
    kioskId: id.nullable().describe('Kiosk where the change was made'),
  }),
]);
export type WireFeedChange = z.infer<typeof feedChangeSchema>;

export const changesResponseSchema = z.object({
  changes: z.array(feedChangeSchema),
  next: seq.describe('Pass as `after` on the next call'),
  latest: seq.describe('Latest sequence on the site'),
  hasMore: z.boolean(),
  resync: z.boolean().describe('The cursor is ahead of the site (restored database): start over from 0'),
});
export type ChangesResponse = z.infer<typeof changesResponseSchema>;

const argon2Hash = z.string().min(40).max(300);

export const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pin-changed'), userId: id, pinHash: argon2Hash, at: epochMs }).strict(),
  z.object({ type: z.literal('failed-attempt'), userId: id, at: epochMs }).strict(),
  z.object({ type: z.literal('login-succeeded'), userId: id, at: epochMs }).strict(),
  z.object({ type: z.literal('card-change-request'), userId: id, field: cardField, manualNumber: cardNumber.nullable(), at: epochMs }).strict(),
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

export const errorReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

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

export const errorResponseSchema = z.object({ error: errorReasonSchema });

/** Event names on the live channel (SSE). `data` is JSON `{ "seq": N }`. */
export const LIVE_EVENT = 'seq';
