import { z } from 'zod';
import { epochMs, wireCardField, wireId, wireSeq, wireTypedIdDigest } from './wireFields.js';

/** Page size of a `changes` pull: the default when the kiosk names none, and the most it may ask for. */
export const CHANGES_PAGE = { default: 5_000, max: 10_000 } as const;

export const changesQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).describe('Last sequence already applied; 0 for a full sync'),
    limit: z.coerce.number().int().min(1).max(CHANGES_PAGE.max).default(CHANGES_PAGE.default),
  })
  .strict();

export const wireUserSchema = z.object({
  id: wireId,
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

export const feedChangeSchema = z.discriminatedUnion('type', [
  z.object({ seq: wireSeq, type: z.literal('user'), user: wireUserSchema }),
  z.object({ seq: wireSeq, type: z.literal('user-deleted'), userId: wireId }),
  z.object({ seq: wireSeq, type: z.literal('config'), name: z.string(), value: z.union([z.boolean(), z.number(), z.string()]) }),
  z.object({
    seq: wireSeq, type: z.literal('card-change'), id: wireId, userId: wireId, field: wireCardField, kind: z.enum(['generated', 'manual']), at: epochMs,
    kioskId: wireId.nullable().describe('Kiosk where the change was made'),
  }),
  z.object({
    seq: wireSeq, type: z.literal('typed-id-lock'), digest: wireTypedIdDigest,
    failures: z.number().int().min(0), lockedUntil: epochMs.nullable(), lastFailureAt: epochMs.nullable(),
  }).describe('Typed-ID failures the central store counted for one typed number (by digest), and its lock'),
]);
export type WireFeedChange = z.infer<typeof feedChangeSchema>;

export const changesResponseSchema = z.object({
  changes: z.array(feedChangeSchema),
  next: wireSeq.describe('Pass as `after` on the next call'),
  latest: wireSeq.describe('Latest sequence on the site'),
  hasMore: z.boolean(),
  resync: z.boolean().describe('The cursor is ahead of the site (restored database): start over from 0'),
});
export type ChangesResponse = z.infer<typeof changesResponseSchema>;
