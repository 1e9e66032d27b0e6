import { z } from 'zod';
import { resultSchema } from './contractError.js';
import { METHOD_NAMES, type MethodName } from './methodNames.js';
import { cardNumberSchema, kioskStateSchema, sessionStateSchema, wedgeReadSchema } from './kioskState.js';
import { CARD_LINK_METHODS } from './cardLinkMethods.js';
import { PRINT_METHODS } from './printMethods.js';
import { TECHNICIAN_METHODS } from './technicianMethods.js';

/**
 * A PIN as typed on the keypad. Only the length is bounded here: the PIN policy (digits only,
 * min/max length, no runs) is the domain's, so its refusals come back as `pin-policy` with words.
 * Schema messages never echo the value.
 */
const pinSchema = z.string().min(1, 'a PIN is needed').max(64, 'a PIN has at most 64 characters');
const newPinSchema = z.string().max(64, 'a PIN has at most 64 characters');

const noInput = z.strictObject({});
const ack = z.strictObject({});

/** The new number is shown large; the old one stops working at once. */
const cardChangedSchema = z.strictObject({
  field: z.enum(['primary', 'secondary']),
  cardNumber: z.string(),
  changesLeftToday: z.number().int().min(0),
});

/**
 * Every call the renderer can make, by name: one input schema and one output schema each.
 * Calls that move the session return the new SessionState; the host also announces it with a
 * `session` event, so a renderer may draw from events alone. Refusals come back as error values
 * (see contractError.ts); after a refusal the `session` event says where the session is now.
 */
export const KIOSK_METHODS = {
  /** Everything the screens need at start-up; call again after a reconnect. */
  getState: { input: noInput, output: kioskStateSchema },
  /**
   * A card decoded in the renderer (keyboard wedge). → enter-pin | set-pin | signed-in, or
   * unknown-card, locked-out (details.lockedUntil), user-disabled. The signed-in user's own card
   * again → idle (signed out, reason second-swipe). Another card while signed in → that card's flow.
   * A read that is no card number (separators, symbols) → unknown-card, its reason in the host's log.
   */
  presentCard: { input: z.strictObject({ cardNumber: wedgeReadSchema }), output: sessionStateSchema },
  /** An ID number typed on the keypad → always enter-pin (no hint whether the ID exists). */
  beginTypedId: { input: z.strictObject({ idNumber: cardNumberSchema }), output: sessionStateSchema },
  /**
   * In enter-pin → signed-in; or set-pin when the user has none yet and may set one now; or
   * wrong-pin (details.attemptsLeft), invalid-credentials, locked-out (details.lockedUntil),
   * user-disabled, new-pin-needs-card.
   */
  submitPin: { input: z.strictObject({ pin: pinSchema }), output: sessionStateSchema },
  /** In set-pin → signed-in; or pin-policy (details.rule), pin-mismatch, new-pin-needs-card. */
  setFirstPin: { input: z.strictObject({ newPin: newPinSchema, confirmPin: newPinSchema }), output: sessionStateSchema },
  /** Signed in → still signed in; or wrong-pin, pin-policy, pin-mismatch, pin-change-not-allowed, locked-out. */
  changePin: {
    input: z.strictObject({ currentPin: pinSchema, newPin: newPinSchema, confirmPin: newPinSchema }),
    output: sessionStateSchema,
  },
  /**
   * Change PIN's first step: signed in → still signed in, nothing changed; or wrong-pin
   * (details.attemptsLeft), locked-out (signs out), pin-change-not-allowed. Counts towards the lockout.
   */
  checkCurrentPin: { input: z.strictObject({ currentPin: pinSchema }), output: sessionStateSchema },
  /** Signed in → the new number of the allowed field; or card-change-not-allowed, daily-limit, central-unreachable. */
  regenerateCard: { input: noInput, output: cardChangedSchema },
  /** Signed in, manual entry allowed → as regenerateCard; or manual-card-not-allowed, invalid-card-number, card-in-use. */
  setCard: {
    input: z.strictObject({ cardNumber: cardNumberSchema }),
    output: cardChangedSchema,
  },
  /**
   * A typed number checked as setCard would check it, before the confirmation screen: signed in →
   * still signed in, nothing changed; or setCard's refusals (daily-limit, card-in-use, …).
   */
  checkCard: { input: z.strictObject({ cardNumber: cardNumberSchema }), output: sessionStateSchema },
  /** The person touched the screen: restarts the idle timer (and stops a running countdown). */
  touch: { input: noInput, output: ack },
  /** Signed in → idle (reason logout). */
  logout: { input: noInput, output: sessionStateSchema },
  /** Leaves enter-pin or set-pin (or a signed-in session) → idle (reason cancel). */
  cancel: { input: noInput, output: sessionStateSchema },
  ...TECHNICIAN_METHODS,
  ...PRINT_METHODS,
  ...CARD_LINK_METHODS,
} as const satisfies { readonly [M in MethodName]: { readonly input: z.ZodType; readonly output: z.ZodType } };

// Fails to compile if the map has a method that METHOD_NAMES lacks.
const noExtraMethods: Exclude<keyof typeof KIOSK_METHODS, MethodName> extends never ? true : false = true;
void noExtraMethods;

export type KioskMethods = typeof KIOSK_METHODS;
export type MethodInput<M extends MethodName> = z.infer<KioskMethods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<KioskMethods[M]['output']>;
export type CardChangedOutput = MethodOutput<'regenerateCard'>;


/** The whole answer of each method, `{ok:true,value}` | `{ok:false,error}`, for clients and tests. */
export const METHOD_RESULT_SCHEMAS: { readonly [M in MethodName]: z.ZodType } = Object.fromEntries(
  METHOD_NAMES.map((m): [MethodName, z.ZodType] => [m, resultSchema(KIOSK_METHODS[m].output as z.ZodType)]),
) as Record<MethodName, z.ZodType>;
