import { validateCardNumberSyntax } from '../core/index.js';

/**
 * Field rules for users created by an administrator (`users add`, `users import`): one place, so
 * both commands refuse the same things with the same words. Reasons never quote a PIN.
 */

export interface NewUserInput {
  readonly username: string;
  readonly name: string;
  readonly email: string;
  readonly primaryCard: string;
  readonly secondaryCard: string;
  readonly pin: string;
}

/** Normalised fields: empty optional fields become null, a missing display name becomes the username. */
export interface NewUserFields {
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly primaryCard: string | null;
  readonly secondaryCard: string | null;
  readonly pin: string | null;
}

/** Checks a PIN against the configured policy: null when acceptable, else the policy's message. */
export type PinPolicyCheck = (pin: string) => string | null;

const USERNAME = /^[^\s\p{Cc}]{1,128}$/u;
// Invisible formatting characters (bidi overrides, zero-width joiners…) let two usernames look the
// same, or one look like another, in every list an administrator reads (issue 11, finding 10).
const INVISIBLE = /\p{Cf}/u;
// Deliberately loose (one @, a dot in the domain, no spaces): mail systems accept far more than
// any strict pattern, and the address is informational here.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/u;

export function checkNewUserFields(input: NewUserInput, pinPolicy: PinPolicyCheck): { fields: NewUserFields; reasons: string[] } {
  const reasons: string[] = [];
  // NFC: the same name typed on two systems (composed é or e + combining accent) is one name.
  const username = input.username.trim().normalize('NFC');
  if (username === '') reasons.push('missing username');
  else if (INVISIBLE.test(username)) reasons.push('the username contains invisible formatting characters (such as a bidi override)');
  else if (!USERNAME.test(username)) reasons.push('the username must be 1 to 128 characters without spaces or control characters');
  const email = input.email.trim();
  // Reasons name the column, never a cell's content: a shifted row can put a PIN in any cell (issue 11, finding 8).
  if (email !== '' && (email.length > 254 || !EMAIL.test(email))) reasons.push('bad email address');
  const name = input.name.trim().normalize('NFC');
  if (name.length > 200) reasons.push('the name is longer than 200 characters');
  const primaryCard = input.primaryCard.trim() || null;
  const secondaryCard = input.secondaryCard.trim() || null;
  for (const [label, card] of [['primary', primaryCard], ['secondary', secondaryCard]] as const) {
    const checked = card === null ? undefined : validateCardNumberSyntax(card);
    if (checked && !checked.ok) reasons.push(`bad ${label} Card/ID number: ${checked.error.message}`);
  }
  if (primaryCard !== null && primaryCard === secondaryCard) {
    reasons.push('the primary and the secondary Card/ID numbers are the same');
  }
  const pin = input.pin === '' ? null : input.pin;
  if (pin !== null) {
    const refusal = pinPolicy(pin);
    if (refusal !== null) reasons.push(`PIN refused: ${refusal}`);
  }
  return { fields: { username, displayName: name || username, email, primaryCard, secondaryCard, pin }, reasons };
}
