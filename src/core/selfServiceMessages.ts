import { domainError, type DomainError } from './domainError.js';

/**
 * The words of every self-service refusal, in one place so the kiosk and the CLI say the same thing
 * (the renderer translates by code). None of them repeats a PIN, a hash or a typed number.
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

export function wrongPinError(attemptsLeft: number): DomainError {
  const attempts = attemptsLeft === 1 ? '1 attempt' : `${attemptsLeft} attempts`;
  return domainError('wrong-pin', `Wrong PIN. ${attempts} left before the account is locked.`, { attemptsLeft });
}

export function lockedOutError(lockedUntil: number, now: number): DomainError {
  const minutesLeft = Math.max(1, Math.ceil((lockedUntil - now) / 60_000));
  const minutes = minutesLeft === 1 ? '1 minute' : `${minutesLeft} minutes`;
  return domainError('locked-out', `Too many wrong PINs. Try again in ${minutes}.`, { lockedUntil, minutesLeft });
}
