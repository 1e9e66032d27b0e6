import { isLockedOut } from './lockout.js';
import { ok } from './result.js';
import type { Credential, SignedIn } from './selfService.js';
import { cardEnding } from './cardEnding.js';
import type { FlowResult, SelfServiceContext } from './selfServiceContext.js';
import { SELF_SERVICE_MESSAGES as M, typedIdLockedError, typedIdRefusal, typedIdWaitError } from './selfServiceMessages.js';
import { domainError } from './domainError.js';
import { NO_TYPED_ID_THROTTLE, throttleAfterFailure, typedIdWaitMs } from './typedIdDelay.js';
import { isTypedIdLocked, localTypedIdBudget, registerTypedIdFailure } from './typedIdLockout.js';
import type { User } from './user.js';

/** Longest typed number kept for the digest and the masked ending (the keypad allows far fewer). */
const MAX_TYPED_INPUT = 64;

type Signer = (ctx: SelfServiceContext, userId: string, seen: Record<string, string>) => FlowResult<SignedIn>;

/**
 * Card/ID number typed on the keypad + PIN (issue 11, finding 5). Failures count by the typed
 * string, never towards the holder's own lock: unknown numbers, wrong PINs, a holder with no PIN
 * and a holder locked by wrong PINs after card swipes all answer alike and count alike, so neither
 * the answer nor the try that locks tells whether the number exists. Every path after the pause
 * costs one argon2 verify. Only the right PIN learns more (a disabled account, a PIN to choose).
 */
export async function authenticateTypedId(
  ctx: SelfServiceContext,
  credential: Credential,
  pin: string,
  findHolder: (credential: Credential) => User | undefined,
  signIn: Signer,
): FlowResult<SignedIn> {
  const typed = String(credential.cardNumber).slice(0, MAX_TYPED_INPUT);
  const seen = { card: cardEnding(typed) };
  const { hasher } = ctx.deps;
  const log = ctx.repos.typedIds;
  const wait = typedIdWaitMs(log.throttle(), ctx.repos.config.get('auth.typed-id-max-delay-seconds'), ctx.now());
  if (wait > 0) return ctx.refuse('auth.id', null, typedIdWaitError(wait), seen);

  const digest = hasher.digestTypedId(typed);
  const counted = log.find(digest);
  if (isTypedIdLocked(counted, ctx.now())) {
    await hasher.verifyDummy(pin);
    return ctx.refuse('auth.id', null, typedIdLockedError(counted.lockedUntil!, ctx.now()), seen);
  }
  const user = findHolder(credential);
  const allowNewPin = ctx.repos.config.get('auth.allow-new-pin-for-typed-id');
  if (!user || isLockedOut(user, ctx.now()) || (user.pinHash === null && !allowNewPin)) {
    await hasher.verifyDummy(pin);
    return typedIdFailure(ctx, digest, typed, user ?? null);
  }
  if (user.pinHash === null) {
    await hasher.verifyDummy(pin);
    return ctx.refuse('auth.id', user, domainError('pin-not-set', M.pinNotSet), seen);
  }
  if (!(await hasher.verify(user.pinHash, pin))) return typedIdFailure(ctx, digest, typed, user);
  if (user.disabled) return ctx.refuse('auth.id', user, domainError('user-disabled', M.userDisabled), seen);
  const signedIn = await signIn(ctx, user.id, seen);
  if (signedIn.ok) ctx.deps.uow.transaction((repos) => repos.typedIds.saveThrottle(NO_TYPED_ID_THROTTLE));
  return signedIn;
}

/**
 * Counts one failure for the typed string on the freshest row, lengthens the kiosk's pause, queues
 * the failure for the central store and audits it with the number masked, in one transaction.
 */
function typedIdFailure(
  ctx: SelfServiceContext,
  digest: string,
  typed: string,
  holder: Pick<User, 'id' | 'username'> | null,
): { readonly ok: false; readonly error: ReturnType<typeof typedIdRefusal> } {
  const masked = cardEnding(typed);
  const error = ctx.deps.uow.transaction((repos) => {
    const now = ctx.now();
    const log = repos.typedIds;
    const maxAttempts = repos.config.get('auth.max-failed-pin-attempts');
    const policy = {
      maxAttempts,
      lockoutMinutes: repos.config.get('auth.lockout-minutes'),
      localBudget: log.shared() ? localTypedIdBudget(maxAttempts) : null,
    };
    const outcome = registerTypedIdFailure(log.find(digest), policy, now);
    log.save(digest, outcome.state);
    log.saveThrottle(throttleAfterFailure(log.throttle(), now));
    repos.outbox.enqueue(ctx.deps.random.uuid(), { type: 'typed-id-attempt', digest, masked, at: now });
    const refusal = outcome.state.lockedUntil !== null ? typedIdLockedError(outcome.state.lockedUntil, now) : typedIdRefusal(outcome.attemptsLeft);
    ctx.audit(repos, 'typed-id.failed', holder, refusal, { id: masked, failures: outcome.state.failures });
    if (outcome.lockedNow) ctx.audit(repos, 'typed-id.locked', holder, null, { id: masked, lockedUntil: outcome.state.lockedUntil! });
    return refusal;
  });
  return { ok: false, error };
}
