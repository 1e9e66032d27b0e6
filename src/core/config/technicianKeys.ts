import type { IntegerKey, StringKey } from './configKey.js';

/** An argon2id PHC string: `$argon2id$v=19$m=…,t=…,p=…$salt$hash` (the argon2 package writes m, p, t). */
const ARGON2ID_PHC = /^\$argon2id\$v=19\$[mtp]=\d{1,10}(,[mtp]=\d{1,10}){2}\$[A-Za-z0-9+/]{8,}\$[A-Za-z0-9+/]{16,}$/;

export function isArgon2idPhc(value: string): boolean {
  return ARGON2ID_PHC.test(value);
}

/** Technician card numbers: letters and digits, separated by commas, at most 20 of them. */
export function parseTechnicianCards(value: string): readonly string[] {
  return value
    .split(',')
    .map((card) => card.trim())
    .filter((card) => card !== '');
}

function isTechnicianCardList(value: string): boolean {
  const cards = parseTechnicianCards(value);
  return value.length <= 1400 && cards.length <= 20 && cards.every((card) => /^[0-9A-Za-z]{1,64}$/.test(card));
}

/**
 * Technician mode's keys (see src/host/technician). The technician PIN is kept only as an argon2id
 * hash peppered with the site secret, like user PINs; the central store's configuration may set it
 * for every kiosk, `badgekiosk technician pin set` for one kiosk. `secret` keeps the hash out of
 * listings, refusals and audit rows.
 */
export const TECHNICIAN_CONFIG_KEYS = {
  'technician.pin-hash': {
    type: 'string', name: 'technician.pin-hash', default: '', secret: true,
    allowed: 'an argon2id hash of the technician PIN (set it with `badgekiosk technician pin set`), or empty for no technician PIN',
    check: (value: string) => value === '' || isArgon2idPhc(value),
    description: 'argon2id hash of the technician PIN that opens technician mode; empty: technician mode cannot be entered.',
  } satisfies StringKey as StringKey,
  'technician.card-numbers': {
    type: 'string', name: 'technician.card-numbers', default: '',
    allowed: 'up to 20 Card/ID numbers (letters and digits) separated by commas, or empty',
    check: isTechnicianCardList,
    description: 'Cards that open the technician PIN keypad when swiped at the idle screen.',
  } satisfies StringKey as StringKey,
  'technician.idle-timeout-seconds': {
    type: 'integer', name: 'technician.idle-timeout-seconds', default: 300, min: 30, max: 3600,
    description: 'Technician mode returns to the idle screen after this long without a touch or a card.',
  } satisfies IntegerKey as IntegerKey,
} as const;
