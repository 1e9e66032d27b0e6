import { domainError, type DomainError } from './domainError.js';

/**
 * The words of every self-service refusal, in one place so the kiosk and the CLI say the same thing.
 * The kiosk's English catalogue (renderer/kiosk/i18n/en.ts) takes the sentences both show from
 * here, and translates by code. None of them repeats a PIN, a hash or a typed number. Pure: the
 * renderer imports this module.
 */
export const SELF_SERVICE_MESSAGES = {
  unknownCard: 'Card not recognised.',
  invalidCredentials: 'ID number or PIN not recognised. If you have no PIN yet, swipe your card to set one.',
  userDisabled: 'This account is disabled. Please contact your system administrator.',
  pinNotSet: 'You have no PIN yet. Choose one to continue.',
  pinAlreadySet: 'A PIN is already set for this account.',
  newPinNeedsCard: 'Swipe your card to set your first PIN.',
  pinMismatch: 'The two new PINs do not match.',
  pinChangeNotAllowed: 'Changing the PIN is turned off at this site.',
  cardChangeNotAllowed: 'Changing the Card/ID number is turned off at this site.',
  manualCardNotAllowed: 'Typing a Card/ID number is not allowed here; generate a new one instead.',
  cardInUse: 'This Card/ID number is already in use.',
  userNotFound: 'No such user.',
  pinTooLong: 'A PIN has at most 64 characters.',
} as const;

/** The PIN policy's rules (DESIGN §3) in words: the kiosk shows them by details.rule, the CLI prints them. */
export const PIN_POLICY_MESSAGES = {
  digitsOnly: 'A PIN may contain digits only.',
  length: (minLength: number, maxLength: number) => `A PIN must have ${minLength} to ${maxLength} digits.`,
  allSame: 'A PIN may not repeat one digit throughout, like 1111.',
  sequence: 'A PIN may not be a straight run of digits, like 1234 or 9876.',
  sameAsCurrent: 'The new PIN must differ from your current PIN.',
} as const;

export function wrongPinError(attemptsLeft: number): DomainError {
  const attempts = attemptsLeft === 1 ? '1 attempt' : `${attemptsLeft} attempts`;
  return domainError('wrong-pin', `Wrong PIN. ${attempts} left before the account is locked.`, { attemptsLeft });
}

/** A typed ID answers this whether the number is unknown or the PIN wrong; the try before the last warns. */
export function typedIdRefusal(attemptsLeft: number): DomainError {
  return attemptsLeft === 1
    ? domainError('invalid-credentials', `${SELF_SERVICE_MESSAGES.invalidCredentials} 1 try left before this ID number is locked.`, { attemptsLeft })
    : domainError('invalid-credentials', SELF_SERVICE_MESSAGES.invalidCredentials);
}

export function typedIdWaitError(waitMs: number): DomainError {
  const waitSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  const seconds = waitSeconds === 1 ? '1 second' : `${waitSeconds} seconds`;
  return domainError('typed-id-wait', `Please wait ${seconds} before typing an ID number again.`, { waitSeconds });
}

function minutesLeftOf(lockedUntil: number, now: number): { readonly minutesLeft: number; readonly text: string } {
  const minutesLeft = Math.max(1, Math.ceil((lockedUntil - now) / 60_000));
  return { minutesLeft, text: minutesLeft === 1 ? '1 minute' : `${minutesLeft} minutes` };
}

/** The typed number is locked, not the account: `typedId` lets the kiosk say a card swipe still works. */
export function typedIdLockedError(lockedUntil: number, now: number): DomainError {
  const { minutesLeft, text } = minutesLeftOf(lockedUntil, now);
  return domainError('locked-out', `Too many wrong tries with this ID number. Try again in ${text}.`, { lockedUntil, minutesLeft, typedId: true });
}

export function lockedOutError(lockedUntil: number, now: number): DomainError {
  const { minutesLeft, text } = minutesLeftOf(lockedUntil, now);
  return domainError('locked-out', `Too many wrong PINs. Try again in ${text}.`, { lockedUntil, minutesLeft });
}
