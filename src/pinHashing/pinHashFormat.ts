import { MIN_ARGON2_PARAMETERS } from './argon2PinHasher.js';

/**
 * A PIN hash pushed by a kiosk must be argon2id with exactly the site's parameters (the ones every
 * badgekiosk hasher uses: m=19 MiB, t=2, p=1, DESIGN §6). Weaker ones would downgrade the site's
 * hashes; stronger ones let one kiosk token make every kiosk spend up to a GiB and seconds on each
 * sign-in of that user (issue 11, finding 7). Parameters may come in any order (argon2 writes m, p, t).
 */
const PHC = /^\$argon2id\$v=19\$([a-z]=\d+(?:,[a-z]=\d+){2})\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{22,}$/;

export function checkPinHash(hash: string): string | null {
  const match = PHC.exec(hash);
  if (!match) return 'The PIN hash is not an argon2id PHC string.';
  const params = new Map(match[1]!.split(',').map((pair) => [pair[0]!, Number(pair.slice(2))] as const));
  const [m, t, p] = [params.get('m'), params.get('t'), params.get('p')];
  if (m === undefined || t === undefined || p === undefined) return 'The PIN hash does not name m, t and p.';
  const site = MIN_ARGON2_PARAMETERS;
  if (m !== site.memoryCost || t !== site.timeCost || p !== site.parallelism) {
    return `The PIN hash must use the site's argon2id parameters m=${site.memoryCost}, t=${site.timeCost}, p=${site.parallelism}.`;
  }
  return null;
}
