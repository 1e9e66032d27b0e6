import { hash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Bearer secrets (kiosk tokens, admin API tokens, session ids) are 256 random bits; the database
 * keeps only their SHA-256, so a copy of it grants nothing. Prefixes tell secrets apart in logs
 * and let a leaked one be recognised by secret scanners.
 */
export const KIOSK_TOKEN_PREFIX = 'bkk_';
export const ADMIN_TOKEN_PREFIX = 'bka_';

export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256Hex(text: string): string {
  // One-shot crypto.hash: a third of createHash's cost, and every kiosk request hashes its token.
  return hash('sha256', text, 'hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Crockford base32 without I, L, O, U: read aloud or typed on a kiosk without ambiguity. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** One-time enrollment code: 12 symbols (60 bits) shown as XXXX-XXXX-XXXX. */
export function newEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Accepts the code in any case, with or without dashes or spaces, and the usual misreadings. */
export function normalizeEnrollmentCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}
