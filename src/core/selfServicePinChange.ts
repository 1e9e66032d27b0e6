import { domainError, type DomainError } from './domainError.js';
import { clearFailedAttempts, isLockedOut } from './lockout.js';
import { validatePinPolicy } from './pinPolicy.js';
import { ok, type Result } from './result.js';
import type { User } from './user.js';
import type { FlowResult, SelfServiceContext } from './selfServiceContext.js';
import { SELF_SERVICE_MESSAGES as M, lockedOutError } from './selfServiceMessages.js';
import { failedPin } from './selfServiceSignIn.js';

/**
 * Change PIN in a session: current PIN, new PIN twice. A wrong current PIN counts towards the
 * lockout like a wrong PIN at sign-in (a walk-away session must not allow unlimited guesses).
 */
export async function changePin(
  ctx: SelfServiceContext,
  userId: string,
  currentPin: string,
  newPin: string,
  confirmPin: string,
): FlowResult<void> {
  const checked = preconditions(ctx, userId, currentPin);
  if (!checked.ok) return checked;
  const user = checked.value;
  const config = ctx.repos.config;
  const policy = validatePinPolicy(newPin, { minLength: config.get('pin.min-length'), maxLength: config.get('pin.max-length') }, currentPin);
  if (!policy.ok) return ctx.refuse('pin.change', user, policy.error);
  if (newPin !== confirmPin) return ctx.refuse('pin.change', user, domainError('pin-mismatch', M.pinMismatch));

  if (!(await ctx.deps.hasher.verify(user.pinHash!, currentPin))) return failedPin(ctx, 'pin.change', user.id);
  const pinHash = await ctx.deps.hasher.hash(newPin);
  return ctx.deps.uow.transaction((repos) => {
    const now = ctx.now();
    const fresh = repos.users.findById(userId)!;
    if (isLockedOut(fresh, now)) {
      const error = lockedOutError(fresh.lockedUntil!, now);
      ctx.audit(repos, 'pin.change', fresh, error);
      return { ok: false as const, error };
    }
    const updated = repos.users.update({ ...fresh, pinHash, ...clearFailedAttempts() });
    repos.outbox.enqueue(ctx.deps.random.uuid(), { type: 'pin-changed', userId, pinHash, at: now });
    ctx.audit(repos, 'pin.change', updated, null);
    return ok(undefined);
  });
}

/** What every step of a PIN change requires before any PIN is looked at. */
function preconditions(ctx: SelfServiceContext, userId: string, currentPin: string): Result<User, DomainError> {
  const user = ctx.repos.users.findById(userId);
  if (!user) return ctx.refuse('pin.change', null, domainError('not-found', M.userNotFound));
  if (!ctx.repos.config.get('user.allow-change-pin')) return ctx.refuse('pin.change', user, domainError('pin-change-not-allowed', M.pinChangeNotAllowed));
  if (user.disabled) return ctx.refuse('pin.change', user, domainError('user-disabled', M.userDisabled));
  if (isLockedOut(user, ctx.now())) return ctx.refuse('pin.change', user, lockedOutError(user.lockedUntil!, ctx.now()));
  if (user.pinHash === null) return ctx.refuse('pin.change', user, domainError('pin-not-set', M.pinNotSet));
  if (typeof currentPin !== 'string' || currentPin.length > 64) return ctx.refuse('pin.change', user, domainError('invalid-input', M.pinTooLong));
  return ok(user);
}

/**
 * The first step of Change PIN on its own, so a wrong current PIN is said at once instead of after
 * the new PIN twice. It counts towards the lockout exactly like the full change; it changes nothing.
 */
export async function checkCurrentPin(ctx: SelfServiceContext, userId: string, currentPin: string): FlowResult<void> {
  const checked = preconditions(ctx, userId, currentPin);
  if (!checked.ok) return checked;
  if (!(await ctx.deps.hasher.verify(checked.value.pinHash!, currentPin))) return failedPin(ctx, 'pin.change', checked.value.id);
  return ok(undefined);
}
