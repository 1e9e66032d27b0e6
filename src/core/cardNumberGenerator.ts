import { fail, type DomainError } from './domainError.js';
import type { RandomSource } from './ports.js';
import { ok, type Result } from './result.js';

/**
 * A cryptographically random Card/ID number of `length` digits (RandomSource is backed by
 * crypto.randomInt). The first digit is 1–9 so systems that store numbers as integers keep every digit.
 */
export function generateCardNumber(random: RandomSource, length: number): string {
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`Card/ID number length must be a positive integer, got ${length}.`);
  let digits = String(1 + random.randomInt(9));
  for (let i = 1; i < length; i++) digits += String(random.randomInt(10));
  return digits;
}

/** Draws until isTaken says no; with 8 digits and a million users a clash is ~1 in 90, so 20 tries is ample. */
export function generateUniqueCardNumber(
  random: RandomSource,
  length: number,
  isTaken: (cardNumber: string) => boolean,
  maxTries = 20,
): Result<string, DomainError> {
  for (let attempt = 0; attempt < maxTries; attempt++) {
    const candidate = generateCardNumber(random, length);
    if (!isTaken(candidate)) return ok(candidate);
  }
  return fail(
    'conflict',
    `Could not find an unused Card/ID number of ${length} digits after ${maxTries} tries. Please contact your system administrator (card-id.generated-length may be too small).`,
    { length, tries: maxTries },
  );
}
