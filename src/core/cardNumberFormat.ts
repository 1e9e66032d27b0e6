import { fail, type DomainError } from './domainError.js';
import { ok, type Result } from './result.js';

export interface CardNumberLengths {
  readonly minLength: number;
  readonly maxLength: number;
}

/** Longest card number any path accepts (readers, CSV, CLI): longer input is garbage, not a card. */
export const MAX_CARD_NUMBER_LENGTH = 64;

/**
 * A Card/ID number a user types at the kiosk (`card-id.min-length`..`card-id.max-length`):
 * digits only, as on the kiosk keypad. Surrounding spaces are dropped; leading zeros are kept
 * because card numbers are strings end to end.
 */
export function validateManualCardNumber(value: string, lengths: CardNumberLengths): Result<string, DomainError> {
  const refuse = (message: string) =>
    fail('invalid-card-number', message, { minLength: lengths.minLength, maxLength: lengths.maxLength });
  // Values arrive from IPC, HTTP and CLI: a non-string is refused, not thrown on.
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') return refuse('Enter a Card/ID number.');
  if (!/^[0-9]+$/.test(trimmed)) return refuse('A Card/ID number may contain digits only.');
  if (trimmed.length < lengths.minLength || trimmed.length > lengths.maxLength) {
    return refuse(`A Card/ID number must have ${lengths.minLength} to ${lengths.maxLength} digits.`);
  }
  return ok(trimmed);
}

/**
 * Any card number entering the system from a reader pipeline, a CSV file or the CLI: letters and
 * digits only (readers may give hex UIDs), 1 to MAX_CARD_NUMBER_LENGTH characters, trimmed.
 */
export function validateCardNumberSyntax(value: string): Result<string, DomainError> {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!/^[0-9A-Za-z]+$/.test(trimmed) || trimmed.length > MAX_CARD_NUMBER_LENGTH) {
    return fail(
      'invalid-card-number',
      `A Card/ID number must be 1 to ${MAX_CARD_NUMBER_LENGTH} letters or digits.`,
      { maxLength: MAX_CARD_NUMBER_LENGTH },
    );
  }
  return ok(trimmed);
}
