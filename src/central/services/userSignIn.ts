import {
  cardEnding,
  isLockedOut,
  isTypedIdLocked,
  lockedOutError,
  typedIdLockedError,
  typedIdRefusal,
  SELF_SERVICE_MESSAGES,
  validateCardNumberSyntax,
  type ConfigValues,
  type DirectoryPerson,
} from '../../core/index.js';
import type { CentralContext } from '../centralContext.js';
import { appendAudit, type CentralAuditKind } from './centralAudit.js';
import { currentConfig } from './centralConfig.js';
import type { ChangeContext } from './cardChangeService.js';
import { lockStateOf, recordFailedAttempt, recordSuccessfulSignIn } from './lockoutService.js';
import { findTypedIdAttempts, recordTypedIdFailure } from './typedIdAttempts.js';
import { createUserWebSession, type UserWebVia } from './userWebSessions.js';
import { findUserRowByUsername, insertUserRow, isCardTaken, usernameHolder, type UserRow } from './userRows.js';
import { visibleUser } from './visibleUsers.js';

/** A refusal with the HTTP status it travels with; messages never repeat a password, PIN or typed number. */
export interface SignInRefusal {
  readonly status: 400 | 401 | 403 | 423 | 503;
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

export type SignInResult = { readonly ok: true; readonly user: UserRow; readonly config: ConfigValues; readonly session?: { sessionId: string; csrfToken: string } } | { readonly ok: false; readonly refusal: SignInRefusal };

const WRONG = 'Wrong username or password.';

interface Channel {
  /** Audit kind of the attempt, e.g. user-web.sign-in or card.self-associate. */
  readonly auditKind: CentralAuditKind;
  readonly kioskId: string | null;
  readonly details: Readonly<Record<string, string | number | boolean>>;
  /** The User web interface: open its session in the same transaction as the sign-in. */
  readonly openSession?: boolean;
}

async function signedIn(tx: ChangeContext, channel: Channel, user: UserRow, config: ConfigValues, via: UserWebVia): Promise<SignInResult> {
  const fresh = await recordSuccessfulSignIn(tx, user, tx.now);
  await audit(tx, channel, user, null, null, via);
  if (!channel.openSession) return { ok: true, user: fresh, config };
  const session = await createUserWebSession(tx.tx, user.id, via, tx.now, config['user-web.idle-timeout-minutes'] * 60_000);
  return { ok: true, user: fresh, config, session };
}

function refuse(status: SignInRefusal['status'], code: string, message: string, details?: SignInRefusal['details']): SignInResult {
  return { ok: false, refusal: details ? { status, code, message, details } : { status, code, message } };
}

async function audit(tx: ChangeContext, channel: Channel, user: UserRow | null, username: string | null, code: string | null, via: string): Promise<void> {
  await appendAudit(tx.tx.db, {
    id: tx.random.uuid(), at: tx.now, kind: channel.auditKind, outcome: code === null ? 'success' : 'failure', userId: user?.id ?? null,
    username: user?.username ?? username, kioskId: channel.kioskId, actor: null, code, details: { ...channel.details, via },
  });
}

/** The user a directory person becomes at first sign-in: the directory's card, if no one holds it. */
async function createFromDirectory(tx: ChangeContext, person: DirectoryPerson): Promise<UserRow> {
  const card = person.cardNumber !== null && validateCardNumberSyntax(person.cardNumber).ok && !(await isCardTaken(tx.tx.db, person.cardNumber)) ? person.cardNumber : null;
  const row = await insertUserRow(tx.tx, {
    id: tx.random.uuid(), username: person.username, displayName: person.displayName, email: person.email, primaryCard: card, secondaryCard: null, pinHash: null,
  }, tx.now);
  await tx.tx.db.insertInto('directory_users').values({ user_id: row.id, dn: person.dn, synced_card: card, synced_at: tx.now }).execute();
  await appendAudit(tx.tx.db, {
    id: tx.random.uuid(), at: tx.now, kind: 'user.add', outcome: 'success', userId: row.id, username: row.username,
    kioskId: null, actor: null, code: null, details: { source: 'directory-sign-in' },
  });
  return row;
}

/**
 * Username and directory password. A wrong password counts toward the same per-user lockout as
 * wrong PINs at a kiosk (when the user is known here); a locked user is refused before the
 * directory is asked. A directory person without an account gets one when
 * directory.create-users-on-login is on.
 */
export async function signInWithDirectory(ctx: CentralContext, username: string, password: string, channel: Channel): Promise<SignInResult> {
  const config = await currentConfig(ctx.storage);
  const directory = ctx.directoryFor(config);
  if (!directory) return refuse(400, 'directory-not-configured', 'No directory is configured: sign in with your Card/ID number and PIN.');
  const known = await findUserRowByUsername(ctx.storage.db, username);
  if (known && isLockedOut(lockStateOf(known), ctx.clock.now())) {
    const error = lockedOutError(Number(known.locked_until), ctx.clock.now());
    return refuse(423, error.code, error.message, error.details);
  }
  const answer = await directory.authenticate(username, password);
  if (!answer.ok && answer.error.code !== 'refused' && answer.error.code !== 'not-found') {
    return refuse(503, 'directory-unavailable', `The directory cannot be used right now: ${answer.error.message}`);
  }
  return ctx.storage.write(async (wtx) => {
    const tx: ChangeContext = { tx: wtx, now: ctx.clock.now(), random: ctx.random, kioskId: channel.kioskId };
    let user = await findUserRowByUsername(wtx.db, answer.ok ? answer.value.person.username : username);
    if (!answer.ok) {
      if (user) await recordFailedAttempt(tx, user, config, tx.now);
      await audit(tx, channel, user ?? null, username.slice(0, 64), 'invalid-credentials', 'directory');
      return refuse(401, 'invalid-credentials', WRONG);
    }
    if (!user) {
      if (!config['directory.create-users-on-login']) {
        await audit(tx, channel, null, answer.value.person.username, 'not-found', 'directory');
        return refuse(403, 'not-found', 'Your directory account has no badgekiosk account yet. Please contact your system administrator.');
      }
      // An import still publishing holds the name: creating the user now would collide with it.
      if (await usernameHolder(wtx.db, answer.value.person.username)) {
        await audit(tx, channel, null, answer.value.person.username, 'account-importing', 'directory');
        return refuse(503, 'account-importing', 'Your account is being imported right now. Please try again in a minute.');
      }
      user = await createFromDirectory(tx, answer.value.person);
    }
    if (Number(user.disabled) === 1) {
      await audit(tx, channel, user, null, 'user-disabled', 'directory');
      return refuse(403, 'user-disabled', SELF_SERVICE_MESSAGES.userDisabled);
    }
    return signedIn(tx, channel, user, config, 'directory');
  });
}

/**
 * Card/ID number and PIN (user-web.allow-card-pin-sign-in), under the kiosk's typed-ID rule (issue
 * 11, finding 5): failures count by a keyed digest of the typed number in the same table the kiosks
 * push to, never towards the holder's own lock, and an unknown number, a holder without a PIN, a
 * holder locked by card swipes and a wrong PIN all answer and count alike. Every path costs one
 * argon2 verify, real or dummy, so timing does not tell whether a number exists either.
 */
export async function signInWithCard(ctx: CentralContext, cardNumber: string, pin: string, channel: Channel): Promise<SignInResult> {
  const config = await currentConfig(ctx.storage);
  if (!config['user-web.allow-card-pin-sign-in']) return refuse(403, 'card-sign-in-not-allowed', 'Signing in with a Card/ID number and PIN is turned off at this site.');
  const typed = String(cardNumber).slice(0, 64);
  const digest = ctx.pinHasher.digestTypedId(typed);
  const syntax = validateCardNumberSyntax(cardNumber);
  const holder = syntax.ok
    ? await ctx.storage.db.selectFrom('card_numbers').innerJoin('users', 'users.id', 'card_numbers.user_id').selectAll('users').where('card_numbers.number', '=', syntax.value).where(visibleUser()).executeTakeFirst()
    : undefined;
  const now = ctx.clock.now();
  const locked = isTypedIdLocked(await findTypedIdAttempts(ctx.storage.db, digest), now) || (holder !== undefined && isLockedOut(lockStateOf(holder), now));
  const good = holder?.pin_hash && !locked ? await ctx.pinHasher.verify(holder.pin_hash, pin) : await ctx.pinHasher.verifyDummy(pin);
  return ctx.storage.write(async (wtx) => {
    const tx: ChangeContext = { tx: wtx, now: ctx.clock.now(), random: ctx.random, kioskId: channel.kioskId };
    const counted = await findTypedIdAttempts(wtx.db, digest);
    if (isTypedIdLocked(counted, tx.now)) {
      const error = typedIdLockedError(counted.lockedUntil!, tx.now);
      await audit(tx, channel, null, null, 'locked-out', 'card');
      return refuse(423, error.code, error.message, error.details);
    }
    const user = holder ? await findUserRowByUsername(wtx.db, holder.username) : undefined;
    if (!user || user.pin_hash === null || !good || isLockedOut(lockStateOf(user), tx.now)) {
      const masked = cardEnding(typed);
      const outcome = await recordTypedIdFailure(tx, digest, masked, config, tx.now);
      await appendAudit(wtx.db, {
        id: tx.random.uuid(), at: tx.now, kind: 'typed-id.failed', outcome: 'failure', userId: user?.id ?? null, username: user?.username ?? null,
        kioskId: channel.kioskId, actor: null, code: 'invalid-credentials', details: { ...channel.details, via: 'card', id: masked },
      });
      const error = outcome.state.lockedUntil !== null ? typedIdLockedError(outcome.state.lockedUntil, tx.now) : typedIdRefusal(outcome.attemptsLeft);
      return refuse(error.code === 'locked-out' ? 423 : 401, error.code, error.message, error.details);
    }
    if (Number(user.disabled) === 1) {
      await audit(tx, channel, user, null, 'user-disabled', 'card');
      return refuse(403, 'user-disabled', SELF_SERVICE_MESSAGES.userDisabled);
    }
    return signedIn(tx, channel, user, config, 'card');
  });
}
