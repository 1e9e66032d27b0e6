/**
 * A PIN hash pushed by a kiosk must be argon2id at no less than OWASP's minimum (m=19 MiB, t=2,
 * p=1, DESIGN §6): a tampered or misconfigured kiosk cannot downgrade the site's hashes.
 */
const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{22,}$/;

export function checkPinHash(hash: string): string | null {
  const match = PHC.exec(hash);
  if (!match) return 'The PIN hash is not an argon2id PHC string.';
  const [m, t, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 19_456 || t < 2 || p < 1) return 'The PIN hash is weaker than argon2id m=19456, t=2, p=1.';
  if (m > 1_048_576 || t > 64 || p > 16) return 'The PIN hash parameters are out of range.';
  return null;
}
