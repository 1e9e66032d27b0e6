import { checkNewPin, changesLeftToday, fail, isLockedOut, lockedOutError, ok, type ConfigValues, type DomainError, type Result } from '../../core/index.js';
import type { UserCardChanged, UserProfile, UserSummary } from '../../protocol/userWeb.js';
import type { CentralContext } from '../centralContext.js';
import { appendAudit, queryAudit, type CentralAuditKind } from './centralAudit.js';
import { currentConfig, readConfig } from './centralConfig.js';
import { cardChangesToday, changeCard, type ChangeContext } from './cardChangeService.js';
import { lockStateOf, recordFailedAttempt } from './lockoutService.js';
import { setPinHash } from './pinChangeService.js';
import type { UserWebIdentity } from './userWebSessions.js';
import { findUserRow, type UserRow } from './userRows.js';

/** Only the last digits show (4, or 2 of a short number): enough to recognise, too little to use. */
export function maskCardNumber(number: string | null): string | null {
  if (number === null) return null;
  const shown = number.length > 6 ? 4 : 2;
  return '•'.repeat(Math.max(0, number.length - shown)) + number.slice(-shown);
}

export async function userProfile(ctx: CentralContext, user: UserRow, via: UserWebIdentity['via'], config?: ConfigValues): Promise<UserProfile> {
  const cfg = config ?? (await currentConfig(ctx.storage));
  const today = await cardChangesToday(ctx.storage.db, user.id, ctx.clock.now(), cfg['site.timezone']);
  const limit = cfg['user.can-change-card-id.num-times-per-day'];
  return {
    username: user.username,
    displayName: user.display_name,
    email: user.email,
    hasPin: user.pin_hash !== null,
    via,
    cards: { primary: maskCardNumber(user.primary_card), secondary: maskCardNumber(user.secondary_card) },
    pin: {
      allowed: cfg['user.allow-change-pin'],
      currentPinRequired: via === 'card' && user.pin_hash !== null,
      minLength: cfg['pin.min-length'],
      maxLength: cfg['pin.max-length'],
    },
    card: {
      allowed: cfg['user.allow-change-card-id'],
      field: cfg['user.change-card-id.which'],
      autoGenerateOnly: cfg['user.change-card-id.auto-generate-only'],
      changesLeftToday: changesLeftToday(today, limit),
      limitPerDay: limit,
    },
  };
}

const SUMMARY_KINDS = new Set(['auth.card', 'auth.id', 'auth.success', 'auth.failure', 'user-web.sign-in', 'pin.set', 'pin.change', 'pin.reset', 'card.regenerate', 'card.set', 'card.self-associate', 'user.locked']);

export async function userSummary(ctx: CentralContext, user: UserRow, via: UserWebIdentity['via']): Promise<UserSummary> {
  const events = await queryAudit(ctx.storage.db, { userId: user.id, limit: 100 });
  const recent = events
    .filter((event) => SUMMARY_KINDS.has(event.kind))
    .slice(0, 20)
    .map((event) => ({ at: event.at, kind: event.kind, outcome: event.outcome, where: event.kioskId === null ? ('web' as const) : ('kiosk' as const) }));
  return { profile: await userProfile(ctx, user, via), recent };
}

async function auditChange(tx: ChangeContext, kind: CentralAuditKind, user: UserRow, error: DomainError | null, details: Record<string, string | number | boolean> = {}): Promise<void> {
  await appendAudit(tx.tx.db, {
    id: tx.random.uuid(), at: tx.now, kind, outcome: error ? 'failure' : 'success', userId: user.id, username: user.username,
    kioskId: null, actor: null, code: error?.code ?? null, details: { ...details, via: 'user-web' },
  });
}

async function currentUser(ctx: CentralContext, identity: UserWebIdentity): Promise<Result<UserRow, DomainError>> {
  const user = await findUserRow(ctx.storage.db, identity.userId);
  return user ? ok(user) : fail('not-found', 'No such user.');
}

/**
 * PIN change from the web: the same policy and lockout as the kiosk. After a card sign-in the current
 * PIN is asked (a wrong one counts toward the lockout); after a directory sign-in it is not, which
 * is how a forgotten PIN is reset. Hashed with the site pepper before the transaction opens.
 */
export async function changePinFromWeb(ctx: CentralContext, identity: UserWebIdentity, input: { currentPin?: string | undefined; newPin: string; confirmPin: string }): Promise<Result<void, DomainError>> {
  const found = await currentUser(ctx, identity);
  if (!found.ok) return found;
  const user = found.value;
  const config = await readConfig(ctx.storage.db);
  const checked = checkNewPin(config, { disabled: Number(user.disabled) === 1, ...lockStateOf(user) }, input.newPin, input.confirmPin, ctx.clock.now());
  const needsCurrent = identity.via === 'card' && user.pin_hash !== null;
  const currentOk = checked.ok && needsCurrent ? await ctx.pinHasher.verify(user.pin_hash!, input.currentPin ?? '') : true;
  const sameAsCurrent = checked.ok && currentOk && needsCurrent && input.currentPin === input.newPin;
  const pinHash = checked.ok && currentOk && !sameAsCurrent ? await ctx.pinHasher.hash(input.newPin) : null;
  return ctx.storage.write(async (wtx) => {
    const tx: ChangeContext = { tx: wtx, now: ctx.clock.now(), random: ctx.random, kioskId: null };
    const fresh = (await findUserRow(wtx.db, user.id))!;
    const refuse = async (error: DomainError) => {
      await auditChange(tx, 'pin.change', fresh, error);
      return { ok: false as const, error };
    };
    if (!checked.ok) return refuse(checked.error);
    if (!currentOk) {
      const outcome = await recordFailedAttempt(tx, fresh, config, tx.now);
      if (outcome.lockedNow) return refuse(lockedOutError(outcome.lockedUntil!, tx.now));
      return refuse({ code: 'wrong-pin', message: 'The current PIN is wrong.', details: { attemptsLeft: outcome.attemptsLeft } });
    }
    if (sameAsCurrent) return refuse({ code: 'pin-policy', message: 'The new PIN must differ from the current PIN.', details: { rule: 'same-as-current' } });
    if (isLockedOut(lockStateOf(fresh), tx.now)) return refuse(lockedOutError(Number(fresh.locked_until), tx.now));
    const saved = await setPinHash(tx, fresh, pinHash!, { clearFailedAttempts: true });
    if (!saved.ok) return refuse(saved.error);
    await auditChange(tx, fresh.pin_hash === null ? 'pin.set' : 'pin.change', saved.value, null);
    return ok(undefined);
  });
}

/** Card/ID change from the web: the same central flow as a kiosk's request, counted in the same daily limit. */
export async function changeCardFromWeb(ctx: CentralContext, identity: UserWebIdentity, manualNumber: string | null): Promise<Result<UserCardChanged, DomainError>> {
  const config = await readConfig(ctx.storage.db);
  return ctx.storage.write(async (wtx) => {
    const tx: ChangeContext = { tx: wtx, now: ctx.clock.now(), random: ctx.random, kioskId: null };
    const user = await findUserRow(wtx.db, identity.userId);
    if (!user) return fail('not-found', 'No such user.');
    const kind: CentralAuditKind = manualNumber === null ? 'card.regenerate' : 'card.set';
    const field = config['user.change-card-id.which'];
    const changed = await changeCard(tx, user, field, manualNumber, config);
    await auditChange(tx, kind, user, changed.ok ? null : changed.error, { field, ...(changed.ok ? { changesLeftToday: changed.value.changesLeftToday } : {}) });
    return changed;
  });
}
