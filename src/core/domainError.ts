import { err } from './result.js';

/**
 * Every refusal the domain can give. The renderer translates by code; the CLI and the central
 * store print `message`. Adding a code here makes every exhaustive switch fail to compile until handled.
 */
export const DOMAIN_ERROR_CODES = [
  'unknown-card', // a swiped card that no user holds
  'invalid-credentials', // typed ID unknown or PIN wrong for a typed ID (no enumeration)
  'wrong-pin',
  'locked-out',
  'typed-id-wait', // the kiosk's pause between typed-ID tries after failures has not run out
  'user-disabled',
  'pin-not-set', // the user must set a PIN first (first login)
  'pin-already-set',
  'new-pin-needs-card', // first PIN from a typed ID while auth.allow-new-pin-for-typed-id is off
  'pin-policy',
  'pin-mismatch', // new PIN and its confirmation differ
  'pin-change-not-allowed',
  'card-change-not-allowed',
  'manual-card-not-allowed',
  'invalid-card-number',
  'card-in-use',
  'daily-limit',
  'central-unreachable',
  'card-change-unconfirmed', // the central store may have made the change; its answer never came back
  'not-found',
  'conflict',
  'invalid-input',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

const domainErrorCodes: ReadonlySet<string> = new Set(DOMAIN_ERROR_CODES);

/** For codes that arrive as text (a central store's answer): anything else is not the domain's. */
export function isDomainErrorCode(code: string): code is DomainErrorCode {
  return domainErrorCodes.has(code);
}

export interface DomainError {
  readonly code: DomainErrorCode;
  readonly message: string;
  /** Structured facts for the UI (attempts left, locked until, policy rule); never a PIN or hash. */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/** The exact text administrators and users expect (DESIGN §3); do not reword. */
export const DAILY_LIMIT_MESSAGE =
  'Your ID number has been changed too many times. Please contact your system administrator for assistance.';

export function domainError(
  code: DomainErrorCode,
  message: string,
  details?: Readonly<Record<string, string | number | boolean>>,
): DomainError {
  return details === undefined ? { code, message } : { code, message, details };
}

export function fail(
  code: DomainErrorCode,
  message: string,
  details?: Readonly<Record<string, string | number | boolean>>,
): { readonly ok: false; readonly error: DomainError } {
  return err(domainError(code, message, details));
}
