import { z } from 'zod';
import { DOMAIN_ERROR_CODES, type DomainErrorCode } from '../core/domainError.js';

export { DOMAIN_ERROR_CODES };

/**
 * Every code a renderer can receive. The domain's codes (src/core/domainError.ts, one list) plus the
 * transport's own: a payload that fails its schema (bad-request), a method the contract does not
 * have (unknown-method), a caller without the per-launch token or from a foreign frame
 * (unauthorized), a call that needs a signed-in session or another step (no-session, wrong-step),
 * a host that cannot be reached or did not answer in time (disconnected, made by the renderer
 * client), and a host fault that was caught and logged (internal).
 */
export const TRANSPORT_ERROR_CODES = [
  'bad-request',
  'unknown-method',
  'unauthorized',
  'no-session',
  'wrong-step',
  'disconnected',
  'internal',
] as const;

/**
 * Card self-association's own: the central store could not reach the directory to check a password;
 * or the card was linked centrally but has not reached this kiosk's replica yet (the pull after the
 * link failed), so the user is told to swipe again rather than that the card is unknown.
 */
export const CARD_LINK_ERROR_CODES = ['directory-unavailable', 'card-linked-not-loaded'] as const;

export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];
export type ContractErrorCode = DomainErrorCode | TransportErrorCode | (typeof CARD_LINK_ERROR_CODES)[number];

export const contractErrorCodeSchema = z.enum([...DOMAIN_ERROR_CODES, ...TRANSPORT_ERROR_CODES, ...CARD_LINK_ERROR_CODES]);

/**
 * Facts for the screen, never a PIN or a PIN hash. Known keys: `attemptsLeft` (wrong-pin),
 * `lockedUntil` (locked-out, epoch ms), `rule` (pin-policy), `changesLeftToday`, `method` and
 * `issues` (bad-request: which fields were wrong, never their values).
 */
export const errorDetailsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const contractErrorSchema = z.strictObject({
  code: contractErrorCodeSchema,
  message: z.string(),
  details: errorDetailsSchema.optional(),
});

export type ContractError = z.infer<typeof contractErrorSchema>;

export function contractError(
  code: ContractErrorCode,
  message: string,
  details?: Readonly<Record<string, string | number | boolean>>,
): ContractError {
  return details === undefined ? { code, message } : { code, message, details: { ...details } };
}

/** `{ok:true, value}` or `{ok:false, error}`: errors cross the boundary as values (DESIGN §2). */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: contractErrorSchema }),
  ]);
}

export type ContractResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ContractError };
