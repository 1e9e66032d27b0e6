import { z } from 'zod';

/** Card/ID numbers are strings end to end (leading zeros matter); readers may emit hex. */
export const cardNumberSchema = z
  .string()
  .min(1, 'a Card/ID number is needed')
  .max(64, 'a Card/ID number has at most 64 characters')
  .regex(/^[0-9A-Za-z]+$/, 'a Card/ID number holds only letters and digits');

/**
 * What a keyboard-wedge reader typed, as the renderer decoded it: printable characters only. Wider
 * than cardNumberSchema on purpose: readers do send separators (`1234 5678`, `12-34`), and the host
 * must see such a read to refuse it as "card not recognised" and log why, not fail the call.
 */
export const wedgeReadSchema = z
  .string()
  .min(1, 'a card read is needed')
  .max(64, 'a card read has at most 64 characters')
  .regex(/^[\x20-\x7e]+$/, 'a card read holds printable characters only');

export const languageSchema = z.enum(['en', 'de', 'fr']);
export type Language = z.infer<typeof languageSchema>;

/** The signed-in user's own public facts; never a PIN hash, never another user's data. */
export const sessionUserSchema = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  primaryCard: z.string().nullable(),
  secondaryCard: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** What the home screen may offer (core AllowedActions), from the configuration at sign-in. */
export const allowedActionsSchema = z.strictObject({
  changePin: z.boolean(),
  changeCardId: z.boolean(),
  cardField: z.enum(['primary', 'secondary']),
  manualCardEntry: z.boolean(),
  changesLeftToday: z.number().int().min(0),
});
export type AllowedActions = z.infer<typeof allowedActionsSchema>;

/** How the person identified: a swiped/tapped card, or an ID number typed on the keypad. */
export const viaSchema = z.enum(['card', 'id']);

/**
 * The host owns the session; the renderer draws whatever phase it is told. Before the PIN the
 * renderer learns nothing about the user (a typed ID must not reveal whether it exists).
 */
export const sessionStateSchema = z.discriminatedUnion('phase', [
  z.strictObject({ phase: z.literal('idle') }),
  z.strictObject({ phase: z.literal('enter-pin'), via: viaSchema }),
  z.strictObject({ phase: z.literal('set-pin'), via: viaSchema }),
  /** An unknown card, and card-id.self-association is on: its owner may sign in to link it (linkCard). */
  z.strictObject({ phase: z.literal('link-card') }),
  z.strictObject({ phase: z.literal('signed-in'), user: sessionUserSchema, allowed: allowedActionsSchema }),
]);
export type SessionState = z.infer<typeof sessionStateSchema>;
export type SessionPhase = SessionState['phase'];

/** Why a signed-in (or half-way) session ended. */
/** locked-out: too many wrong current PINs while changing the PIN ended the session. */
export const signOutReasonSchema = z.enum(['idle', 'second-swipe', 'logout', 'cancel', 'other-card', 'locked-out']);
export type SignOutReason = z.infer<typeof signOutReasonSchema>;

export const readerKindSchema = z.enum(['serial', 'hid', 'keyboard-wedge']);

export const readerStatusSchema = z.strictObject({
  readers: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      kind: readerKindSchema,
      state: z.enum(['ready', 'disconnected', 'error']),
      /** Why a reader is not ready, for the status bar; no card data. */
      message: z.string().optional(),
    }),
  ),
  /** Keystroke cards are decoded in the renderer (src/devices keyboardWedge*) and sent with presentCard. */
  keyboardWedge: z.strictObject({ enabled: z.boolean() }),
});
export type ReaderStatus = z.infer<typeof readerStatusSchema>;

/**
 * standalone: never enrolled, the local store is the authority (DESIGN §5). enrolled: `online`
 * says whether the central store answered lately; Card/ID changes need it, PIN changes queue.
 */
export const syncStatusSchema = z.strictObject({
  mode: z.enum(['standalone', 'enrolled']),
  online: z.boolean(),
  lastSyncAt: z.number().int().nullable(),
  pendingChanges: z.number().int().min(0),
  /** While the first full sync runs: how far it got (by sequence, an estimate); absent otherwise. */
  initialSyncPercent: z.number().int().min(0).max(100).optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const kioskStateSchema = z.strictObject({
  kioskId: z.string().nullable(),
  language: z.strictObject({ default: languageSchema, available: z.array(languageSchema) }),
  idle: z.strictObject({
    timeoutSeconds: z.number().int().positive(),
    /** The countdown is shown for this many seconds before the idle logout. */
    warningSeconds: z.number().int().min(0),
  }),
  pin: z.strictObject({ minLength: z.number().int(), maxLength: z.number().int() }),
  cardId: z.strictObject({ generatedLength: z.number().int(), minLength: z.number().int(), maxLength: z.number().int() }),
  reader: readerStatusSchema,
  sync: syncStatusSchema,
  session: sessionStateSchema,
});
export type KioskState = z.infer<typeof kioskStateSchema>;
