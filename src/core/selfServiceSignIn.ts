import type { AuditKind } from './audit.js';
import { validateCardNumberSyntax } from './cardNumberFormat.js';
import { domainError, type DomainError } from './domainError.js';
import { clearFailedAttempts, isLockedOut, registerFailedAttempt } from './lockout.js';
import { validatePinPolicy } from './pinPolicy.js';
import { ok } from './result.js';
import type { CardIdentification, Credential, SignedIn } from './selfService.js';
import { cardEnding } from './cardEnding.js';
import type { FlowResult, SelfServiceContext } from './selfServiceContext.js';
import { SELF_SERVICE_MESSAGES as M, lockedOutError, wrongPinError } from './selfServiceMessages.js';
import { authenticateTypedId } from './typedIdSignIn.js';
import { toPublicUser, type User } from './user.js';

const MAX_PIN_INPUT = 64;

const authKind = (credential: Credential): AuditKind => (credential.via === 'card' ? 'auth.card' : 'auth.id');

/**
 * A swiped card that no user holds is "card not recognised"; a typed ID gets the same answer whether
 * it is unknown or the PIN is wrong, so the keypad cannot enumerate ID numbers (DESIGN §9).
 */
function notRecognised(credential: Credential): DomainError {
  return credential.via === 'card'
    ? domainError('unknown-card', M.unknownCard)
    : domainError('invalid-credentials', M.invalidCredentials);
}

function findHolder(ctx: SelfServiceContext, credential: Credential): User | undefined {
  const syntax = validateCardNumberSyntax(credential.cardNumber);
  return syntax.ok ? ctx.repos.users.findByCard(syntax.value) : undefined;
}

export async function identifyCard(ctx: SelfServiceContext, cardNumber: string): FlowResult<CardIdentification> {
  const user = findHolder(ctx, { via: 'card', cardNumber });
  const seen = { card: cardEnding(String(cardNumber).slice(0, MAX_PIN_INPUT)) };
  if (!user) return ctx.refuse('auth.card', null, domainError('unknown-card', M.unknownCard), seen);
  if (user.disabled) return ctx.refuse('auth.card', user, domainError('user-disabled', M.userDisabled), seen);
  const now = ctx.now();
  if (isLockedOut(user, now)) return ctx.refuse('auth.card', user, lockedOutError(user.lockedUntil!, now), seen);
  if (user.pinHash === null) return ok({ user: toPublicUser(user), next: 'set-pin' });
  if (ctx.repos.config.get('auth.pin-required-for-card')) return ok({ user: toPublicUser(user), next: 'enter-pin' });
  ctx.deps.uow.transaction((repos) => ctx.audit(repos, 'auth.card', user, null, { ...seen, withPin: false }));
  return ok({ user: toPublicUser(user), next: 'signed-in' });
}

export async function authenticate(ctx: SelfServiceContext, credential: Credential, pin: string): FlowResult<SignedIn> {
  const kind = authKind(credential);
  if (typeof pin !== 'string' || pin.length > MAX_PIN_INPUT) return ctx.refuse(kind, null, domainError('invalid-input', M.pinTooLong));
  if (credential.via === 'id') {
    return authenticateTypedId(ctx, credential, pin, (typed) => findHolder(ctx, typed), (c, userId, seen) => signIn(c, 'auth.id', userId, seen));
  }
  const seen = { card: cardEnding(String(credential.cardNumber).slice(0, MAX_PIN_INPUT)) };
  const user = findHolder(ctx, credential);
  const { hasher } = ctx.deps;

  // A swiped card from here on. Every path below costs exactly one argon2 verify, real or dummy, so timing tells nothing.
  if (!user) {
    await hasher.verifyDummy(pin);
    return ctx.refuse(kind, null, notRecognised(credential), seen);
  }
  if (isLockedOut(user, ctx.now())) {
    await hasher.verifyDummy(pin);
    return ctx.refuse(kind, user, lockedOutError(user.lockedUntil!, ctx.now()), seen);
  }
  if (user.pinHash === null) {
    await hasher.verifyDummy(pin);
    return ctx.refuse(kind, user, domainError('pin-not-set', M.pinNotSet), seen);
  }
  if (user.disabled) {
    await hasher.verifyDummy(pin);
    return ctx.refuse(kind, user, domainError('user-disabled', M.userDisabled), seen);
  }
  const matches = await hasher.verify(user.pinHash, pin);
  if (!matches) return failedPin(ctx, kind, user.id, seen);
  return signIn(ctx, kind, user.id, seen);
}

/**
 * Counts a wrong PIN on the freshest row (another sign-in may have landed during the verify),
 * locks at auth.max-failed-pin-attempts, queues the attempt for the central store, and audits.
 * Typed IDs never come here: they count by the typed string (typedIdSignIn.ts).
 */
export function failedPin(
  ctx: SelfServiceContext,
  kind: AuditKind,
  userId: string,
  seen: Record<string, string> = {},
): { readonly ok: false; readonly error: DomainError } {
  const error = ctx.deps.uow.transaction((repos) => {
    const now = ctx.now();
    const user = repos.users.findById(userId)!;
    const policy = {
      maxAttempts: repos.config.get('auth.max-failed-pin-attempts'),
      lockoutMinutes: repos.config.get('auth.lockout-minutes'),
    };
    const outcome = registerFailedAttempt(user, policy, now);
    const updated = repos.users.update({ ...user, failedAttempts: outcome.failedAttempts, lockedUntil: outcome.lockedUntil });
    repos.outbox.enqueue(ctx.deps.random.uuid(), { type: 'failed-attempt', userId, at: now });
    const refusal = outcome.lockedUntil !== null ? lockedOutError(outcome.lockedUntil, now) : wrongPinError(outcome.attemptsLeft);
    ctx.audit(repos, kind, updated, refusal, { ...seen, attemptsLeft: outcome.attemptsLeft });
    if (outcome.lockedNow) ctx.audit(repos, 'user.locked', updated, null, { lockedUntil: outcome.lockedUntil!, failedAttempts: outcome.failedAttempts });
    return refusal;
  });
  return { ok: false, error };
}

function signIn(ctx: SelfServiceContext, kind: AuditKind, userId: string, seen: Record<string, string>): FlowResult<SignedIn> {
  return Promise.resolve(
    ctx.deps.uow.transaction((repos) => {
      const now = ctx.now();
      let user = repos.users.findById(userId)!;
      // A concurrent wrong PIN may have locked the user while this verify ran: the lock wins.
      if (isLockedOut(user, now)) {
        const error = lockedOutError(user.lockedUntil!, now);
        ctx.audit(repos, kind, user, error, seen);
        return { ok: false as const, error };
      }
      if (user.failedAttempts !== 0 || user.lockedUntil !== null) user = repos.users.update({ ...user, ...clearFailedAttempts() });
      repos.outbox.enqueue(ctx.deps.random.uuid(), { type: 'login-succeeded', userId, at: now });
      ctx.audit(repos, kind, user, null, { ...seen, withPin: true });
      return ok({ user: toPublicUser(user), allowed: ctx.allowedActions(repos, user) });
    }),
  );
}

/** First login: only after a swipe (possession of the badge) unless auth.allow-new-pin-for-typed-id is on. */
export async function setFirstPin(ctx: SelfServiceContext, credential: Credential, newPin: string, confirmPin: string): FlowResult<SignedIn> {
  const config = ctx.repos.config;
  if (credential.via === 'id' && !config.get('auth.allow-new-pin-for-typed-id')) {
    return ctx.refuse('pin.set', null, domainError('new-pin-needs-card', M.newPinNeedsCard));
  }
  const seen = { card: cardEnding(String(credential.cardNumber).slice(0, MAX_PIN_INPUT)) };
  const user = findHolder(ctx, credential);
  if (!user) return ctx.refuse('pin.set', null, notRecognised(credential), seen);
  const policy = validatePinPolicy(newPin, { minLength: config.get('pin.min-length'), maxLength: config.get('pin.max-length') });
  if (!policy.ok) return ctx.refuse('pin.set', user, policy.error, seen);
  if (newPin !== confirmPin) return ctx.refuse('pin.set', user, domainError('pin-mismatch', M.pinMismatch), seen);
  if (user.disabled) return ctx.refuse('pin.set', user, domainError('user-disabled', M.userDisabled), seen);
  if (isLockedOut(user, ctx.now())) return ctx.refuse('pin.set', user, lockedOutError(user.lockedUntil!, ctx.now()), seen);
  if (user.pinHash !== null) return ctx.refuse('pin.set', user, domainError('pin-already-set', M.pinAlreadySet), seen);

  const pinHash = await ctx.deps.hasher.hash(newPin);
  return ctx.deps.uow.transaction((repos) => {
    const now = ctx.now();
    const fresh = repos.users.findById(user.id)!;
    if (fresh.pinHash !== null) {
      const error = domainError('pin-already-set', M.pinAlreadySet);
      ctx.audit(repos, 'pin.set', fresh, error, seen);
      return { ok: false as const, error };
    }
    const updated = repos.users.update({ ...fresh, pinHash, ...clearFailedAttempts() });
    repos.outbox.enqueue(ctx.deps.random.uuid(), { type: 'pin-changed', userId: user.id, pinHash, at: now });
    ctx.audit(repos, 'pin.set', updated, null, { ...seen, via: credential.via });
    return ok({ user: toPublicUser(updated), allowed: ctx.allowedActions(repos, updated) });
  });
}
