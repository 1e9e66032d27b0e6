import { createHmac } from 'node:crypto';

/** Labels the derived key, so it is never the pepper itself nor a key used for anything else. */
const KEY_LABEL = 'badgekiosk typed-id digest v1';

/**
 * HMAC-SHA-256 of a typed Card/ID number under a key derived from the site pepper (issue 11,
 * finding 5). Kiosks and the central store hold the same pepper, so they count the same number
 * under the same digest; a copy of the database alone cannot test guesses of typed numbers.
 */
export function typedIdDigester(pepper: Buffer): (typed: string) => string {
  const key = createHmac('sha256', pepper).update(KEY_LABEL).digest();
  return (typed) => createHmac('sha256', key).update(typed, 'utf8').digest('hex');
}
