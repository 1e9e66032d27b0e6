/**
 * A PIN hash pushed by a kiosk must be argon2id at no less than OWASP's minimum (m=19 MiB, t=2,
 * p=1, DESIGN §6): a tampered or misconfigured kiosk cannot downgrade the site's hashes.
 * Parameters may come in any order (the argon2 package writes m, p, t).
 */
const PHC = /^\$argon2id\$v=19\$([a-z]=\d+(?:,[a-z]=\d+){2})\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{22,}$/;

export function checkPinHash(hash: string): string | null {
  const match = PHC.exec(hash);
  if (!match) return 'The PIN hash is not an argon2id PHC string.';
  const params = new Map(match[1]!.split(',').map((pair) => [pair[0]!, Number(pair.slice(2))] as const));
  const [m, t, p] = [params.get('m'), params.get('t'), params.get('p')];
  if (m === undefined || t === undefined || p === undefined) return 'The PIN hash does not name m, t and p.';
  if (m < 19_456 || t < 2 || p < 1) return 'The PIN hash is weaker than argon2id m=19456, t=2, p=1.';
  if (m > 1_048_576 || t > 64 || p > 16) return 'The PIN hash parameters are out of range.';
  return null;
}
