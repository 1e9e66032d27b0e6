import { validateManualCardNumber } from './cardNumberFormat.js';
import type { ConfigValues } from './config/configRegistry.js';
import { domainError, fail, type DomainError } from './domainError.js';
import { isLockedOut } from './lockout.js';
import { validatePinPolicy } from './pinPolicy.js';
import { err, ok, type Result } from './result.js';
import { SELF_SERVICE_MESSAGES as M, lockedOutError } from './selfServiceMessages.js';
import type { CardField, User } from './user.js';

/**
 * The pure preconditions of each change, shared by every central flow (kiosk commands, the User web
 * interface, card self-association), so a rule cannot differ between the kiosk and the web.
 */
type Subject = Pick<User, 'disabled' | 'failedAttempts' | 'lockedUntil'>;

function activeUser(user: Subject, now: number): Result<void, DomainError> {
  if (user.disabled) return fail('user-disabled', M.userDisabled);
  if (isLockedOut(user, now)) return err(lockedOutError(user.lockedUntil!, now));
  return ok(undefined);
}

/** A PIN chosen by the user (web): the site allows it, the user may act, the policy holds, both entries match. */
export function checkNewPin(
  config: Pick<ConfigValues, 'user.allow-change-pin' | 'pin.min-length' | 'pin.max-length'>,
  user: Subject,
  newPin: string,
  confirmPin: string,
  now: number,
): Result<void, DomainError> {
  if (!config['user.allow-change-pin']) return fail('pin-change-not-allowed', M.pinChangeNotAllowed);
  const active = activeUser(user, now);
  if (!active.ok) return active;
  const policy = validatePinPolicy(newPin, { minLength: config['pin.min-length'], maxLength: config['pin.max-length'] });
  if (!policy.ok) return policy;
  if (newPin !== confirmPin) return fail('pin-mismatch', M.pinMismatch);
  return ok(undefined);
}

/**
 * A Card/ID change request: the field the site lets users change, typing only when allowed (the
 * typed number validated and returned), and a user who may act. The daily limit and uniqueness
 * need the whole site's data and are checked by the caller with checkDailyCardChangeLimit.
 */
export function checkCardChangeRequest(
  config: Pick<ConfigValues, 'user.allow-change-card-id' | 'user.change-card-id.which' | 'user.change-card-id.auto-generate-only' | 'card-id.min-length' | 'card-id.max-length'>,
  user: Subject,
  field: CardField,
  manualNumber: string | null,
  now: number,
): Result<string | null, DomainError> {
  if (!config['user.allow-change-card-id']) return fail('card-change-not-allowed', M.cardChangeNotAllowed);
  const which = config['user.change-card-id.which'];
  if (field !== which) return err(domainError('card-change-not-allowed', `Only the ${which} Card/ID number may be changed.`, { field }));
  if (manualNumber !== null && config['user.change-card-id.auto-generate-only']) return fail('manual-card-not-allowed', M.manualCardNotAllowed);
  const active = activeUser(user, now);
  if (!active.ok) return active;
  if (manualNumber === null) return ok(null);
  return validateManualCardNumber(manualNumber, { minLength: config['card-id.min-length'], maxLength: config['card-id.max-length'] });
}

/** Linking an unknown card to its owner (card-id.self-association): into the configured field, by a user who may act. */
export function checkCardAssociation(
  config: Pick<ConfigValues, 'card-id.self-association' | 'user.change-card-id.which'>,
  user: Subject,
  now: number,
): Result<CardField, DomainError> {
  if (!config['card-id.self-association']) return fail('card-change-not-allowed', 'Linking a card at the kiosk is turned off at this site.');
  const active = activeUser(user, now);
  if (!active.ok) return active;
  return ok(config['user.change-card-id.which']);
}
