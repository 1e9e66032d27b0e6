import { z } from 'zod';

/**
 * The User web interface's HTTP API (`/api/v1/user/…`), shared by the central store's routes and
 * the React app in renderer/user: zod only, so both sides parse the same shapes.
 */
export const USER_WEB_CSRF_HEADER = 'x-csrf-token';

const pinInput = z.string().max(64);

export const userSignInSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('directory'), username: z.string().min(1).max(256), password: z.string().max(1024) }),
  z.object({ method: z.literal('card'), cardNumber: z.string().min(1).max(64), pin: pinInput }),
]);
export type UserSignIn = z.infer<typeof userSignInSchema>;

export const userWebOptionsSchema = z.object({
  directory: z.boolean(),
  cardPinSignIn: z.boolean(),
});
export type UserWebOptions = z.infer<typeof userWebOptionsSchema>;

export const userProfileSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  hasPin: z.boolean(),
  via: z.enum(['directory', 'card']),
  /** Masked: only the last digits show. */
  cards: z.object({ primary: z.string().nullable(), secondary: z.string().nullable() }),
  pin: z.object({
    allowed: z.boolean(),
    /** False after a directory sign-in: the password proved who it is (how a forgotten PIN is reset). */
    currentPinRequired: z.boolean(),
    minLength: z.number().int(),
    maxLength: z.number().int(),
  }),
  card: z.object({
    allowed: z.boolean(),
    field: z.enum(['primary', 'secondary']),
    autoGenerateOnly: z.boolean(),
    changesLeftToday: z.number().int(),
    limitPerDay: z.number().int(),
  }),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

export const userSessionSchema = z.object({ csrfToken: z.string(), profile: userProfileSchema });
export type UserSession = z.infer<typeof userSessionSchema>;

export const userPinChangeSchema = z.object({ currentPin: pinInput.optional(), newPin: pinInput, confirmPin: pinInput });
export type UserPinChange = z.infer<typeof userPinChangeSchema>;

export const userCardChangeSchema = z.object({ manualNumber: z.string().min(1).max(64).nullable() });
export type UserCardChange = z.infer<typeof userCardChangeSchema>;

export const userCardChangedSchema = z.object({
  /** Shown in full once, right after the change. */
  cardNumber: z.string(),
  field: z.enum(['primary', 'secondary']),
  changesLeftToday: z.number().int(),
});
export type UserCardChanged = z.infer<typeof userCardChangedSchema>;

export const userActivitySchema = z.object({
  at: z.number().int(),
  kind: z.string(),
  outcome: z.enum(['success', 'failure']),
  where: z.enum(['kiosk', 'web']),
});

export const userSummarySchema = z.object({ profile: userProfileSchema, recent: z.array(userActivitySchema) });
export type UserSummary = z.infer<typeof userSummarySchema>;

export const userErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional() }),
});
export type UserError = z.infer<typeof userErrorSchema>;
