import { z } from 'zod';
import { MAX_CARD_NUMBER_LENGTH } from '../../core/index.js';

/**
 * Shapes of the administration API (`/api/v1/admin/…`), shared by the server's routes and the
 * admin console (renderer/admin), so the two cannot drift apart. Pure: zod and src/core only.
 */

// Field rules beyond length are those of `users add`/`users import` (src/userImport/newUserFields.ts).
export const usernameSchema = z.string().trim().min(1).max(128);
export const displayNameSchema = z.string().trim().max(200);
export const emailSchema = z.string().trim().max(254);
export const cardNumberSchema = z.string().trim().min(1).max(MAX_CARD_NUMBER_LENGTH).regex(/^[0-9A-Za-z]+$/, 'letters and digits only');
export const idParamsSchema = z.object({ id: z.string().min(1).max(100) }).strict();

export const adminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  primaryCard: z.string().nullable(),
  secondaryCard: z.string().nullable(),
  hasPin: z.boolean(),
  disabled: z.boolean(),
  failedAttempts: z.number().int(),
  lockedUntil: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

export const userListQuerySchema = z
  .object({
    search: z.string().max(200).optional(),
    disabled: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const userListSchema = z.object({ users: z.array(adminUserSchema), total: z.number().int() });

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema.default(''),
    email: emailSchema.default(''),
    primaryCard: z.string().max(64).nullable().default(null),
    secondaryCard: z.string().max(64).nullable().default(null),
    pin: z.string().max(64).optional().describe('Initial PIN (PIN policy applies); omit to let the user set one at first login'),
  })
  .strict();

export const updateUserSchema = z
  .object({
    username: usernameSchema.optional(),
    displayName: displayNameSchema.optional(),
    email: emailSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

export const setCardsSchema = z
  .object({
    primary: cardNumberSchema.nullable().optional().describe('New primary Card/ID number, or null to clear'),
    secondary: cardNumberSchema.nullable().optional().describe('New secondary Card/ID number, or null to clear'),
  })
  .strict()
  .refine((v) => v.primary !== undefined || v.secondary !== undefined, 'name primary, secondary or both');

export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
export const importResultSchema = z.object({ imported: z.number().int(), withPin: z.number().int() });
export const importRefusedSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  problems: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  problemCount: z.number().int(),
});

export const configEntrySchema = z.object({
  name: z.string(),
  type: z.string(),
  default: z.union([z.boolean(), z.number(), z.string()]),
  range: z.string(),
  description: z.string(),
  value: z.union([z.boolean(), z.number(), z.string()]),
  isDefault: z.boolean(),
});
export const configNameParamsSchema = z.object({ name: z.string().min(1).max(100) }).strict();
export const setConfigSchema = z.object({ value: z.union([z.boolean(), z.number(), z.string().max(200)]) }).strict();

export const kioskSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number().int(),
  state: z.enum(['awaiting-enrollment', 'enrollment-expired', 'enrolled', 'revoked']),
  enrolledAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
  lastSeenAt: z.number().int().nullable(),
  version: z.string().nullable(),
  online: z.boolean(),
  syncLag: z.number().int().min(0).nullable().describe('Change-feed sequences behind the latest, as of its last pull; null before the first pull'),
});
export const createKioskSchema = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export const createdKioskSchema = z.object({
  kiosk: kioskSchema,
  enrollmentCode: z.string().describe('One-time code; shown once'),
  expiresAt: z.number().int(),
});

const auditKindSchema = z.string().max(40).regex(/^[a-z.-]+$/);
export const auditQuerySchema = z
  .object({
    userId: z.string().max(100).optional(),
    username: z.string().max(64).optional(),
    kioskId: z.string().max(100).optional(),
    kind: auditKindSchema.optional(),
    outcome: z.enum(['success', 'failure']).optional(),
    since: z.coerce.number().int().min(0).optional().describe('Epoch ms, inclusive'),
    until: z.coerce.number().int().min(0).optional().describe('Epoch ms, exclusive'),
    limit: z.coerce.number().int().min(1).max(10_000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export const auditEventSchema = z.object({
  id: z.string(),
  at: z.number().int(),
  kind: z.string(),
  outcome: z.enum(['success', 'failure']),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  kioskId: z.string().nullable(),
  actor: z.string().nullable(),
  code: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

export const loginSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }).strict();
export const sessionSchema = z.object({
  username: z.string(),
  via: z.enum(['session', 'token']),
  csrfToken: z.string().nullable().describe('Send as x-csrf-token on every write made with the session cookie'),
  expiresAt: z.number().int().nullable(),
});
export const createTokenSchema = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export const adminTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
});
export const createdTokenSchema = z.object({ id: z.string(), name: z.string(), token: z.string().describe('Shown once') });

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) })
  .strict();

/** Every refusal of the API: `{ error: { code, message } }` (import refusals add their line problems). */
export const adminErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional() }),
});

export type AdminUser = z.infer<typeof adminUserSchema>;
export type UserList = z.infer<typeof userListSchema>;
export type CreateUser = z.input<typeof createUserSchema>;
export type UpdateUser = z.infer<typeof updateUserSchema>;
export type SetCards = z.input<typeof setCardsSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type ImportRefused = z.infer<typeof importRefusedSchema>;
export type ConfigEntry = z.infer<typeof configEntrySchema>;
export type ConfigValueInput = z.infer<typeof setConfigSchema>['value'];
export type Kiosk = z.infer<typeof kioskSchema>;
export type CreatedKiosk = z.infer<typeof createdKioskSchema>;
export type AuditQuery = z.input<typeof auditQuerySchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type Login = z.infer<typeof loginSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type AdminToken = z.infer<typeof adminTokenSchema>;
export type CreatedToken = z.infer<typeof createdTokenSchema>;
export type ChangePassword = z.infer<typeof changePasswordSchema>;
export type AdminError = z.infer<typeof adminErrorSchema>;
