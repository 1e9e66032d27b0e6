import {
  checkDailyCardChangeLimit,
  clearFailedAttempts,
  fail,
  generateCardNumber,
  isLockedOut,
  ok,
  registerFailedAttempt,
  startOfSiteDay,
  validateManualCardNumber,
  type CardField,
  type ConfigValues,
  type DomainError,
  type OutboxCommand,
  type RandomSource,
  type Result,
} from '../../core/index.js';
import type { WriteTx } from '../storage/centralStorage.js';
import { appendAudit, type CentralAuditKind } from './centralAudit.js';
import { readConfig } from './centralConfig.js';
import { checkPinHash } from '../../pinHashing/index.js';
import { findUserRow, isCardTaken, setCardNumber, updateUserRow, type UserRow } from './userRows.js';

/** What the central store answers for one pushed command; stored and replayed for a retried key. */
export type CommandAnswer =
  | { readonly status: 'accepted'; readonly cardNumber?: string }
  | { readonly status: 'rejected'; readonly reason: DomainError };

export interface CommandContext {
  readonly tx: WriteTx;
  readonly kioskId: string;
  readonly idempotencyKey: string;
  readonly now: number;
  readonly random: RandomSource;
}

/**
 * Applies one kiosk command exactly once: inside the caller's write transaction, a key already
 * seen from this kiosk returns the answer given the first time and changes nothing.
 */
export async function applyKioskCommand(ctx: CommandContext, command: OutboxCommand): Promise<{ answer: CommandAnswer; duplicate: boolean }> {
  const { tx, kioskId, idempotencyKey, now } = ctx;
  const seen = await tx.db
    .selectFrom('commands')
    .select('answer')
    .where('kiosk_id', '=', kioskId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  if (seen) return { answer: JSON.parse(seen.answer) as CommandAnswer, duplicate: true };

  const userId = 'userId' in command ? command.userId : null;
  const user = userId === null ? undefined : await findUserRow(tx.db, userId);
  const config = await readConfig(tx.db);
  const result =
    command.type === 'reader-profile'
      ? await saveReaderProfile(ctx, command.profile, command.at)
      : user
        ? await apply(ctx, command, user, config)
        : fail('not-found', 'No such user on the central store.');
  const answer: CommandAnswer = result.ok ? { status: 'accepted', ...result.value } : { status: 'rejected', reason: result.error };
  // The kiosk applied its change to its own copy before pushing; a refusal changes nothing here, so
  // without a new sequence no pull would ever put that copy right (issue 11, finding 4).
  if (!result.ok && user) await updateUserRow(tx, user, {}, now);
  await tx.db
    .insertInto('commands')
    .values({
      kiosk_id: kioskId,
      idempotency_key: idempotencyKey,
      type: command.type,
      user_id: userId,
      received_at: now,
      status: answer.status,
      answer: JSON.stringify(answer),
    })
    .execute();
  await appendAudit(tx.db, {
    id: ctx.random.uuid(),
    at: now,
    kind: auditKindOf(command),
    outcome: result.ok ? 'success' : 'failure',
    userId,
    username: user?.username ?? null,
    kioskId,
    actor: null,
    code: result.ok ? null : result.error.code,
    details: { idempotencyKey, command: command.type, happenedAt: command.at, ...(command.type === 'card-change-request' ? { field: command.field } : {}) },
  });
  return { answer, duplicate: false };
}

function auditKindOf(command: OutboxCommand): CentralAuditKind {
  switch (command.type) {
    case 'pin-changed':
      return 'pin.change';
    case 'failed-attempt':
      return 'auth.failure';
    case 'login-succeeded':
      return 'auth.success';
    case 'card-change-request':
      return command.manualNumber === null ? 'card.regenerate' : 'card.set';
    case 'reader-profile':
      return 'technician.change';
    default: {
      const never: never = command;
      return never;
    }
  }
}

type Applied = Result<{ cardNumber?: string }, DomainError>;

type UserCommand = Exclude<OutboxCommand, { type: 'reader-profile' }>;

/** The kiosk's reader profile, latest by the time the technician saved it (a late delivery never wins). */
async function saveReaderProfile(ctx: CommandContext, profile: string, savedAt: number): Promise<Applied> {
  try {
    JSON.parse(profile);
  } catch {
    return fail('invalid-input', 'The reader profile is not JSON.');
  }
  const at = Math.min(savedAt, ctx.now);
  const existing = await ctx.tx.db.selectFrom('kiosk_reader_profiles').select('saved_at').where('kiosk_id', '=', ctx.kioskId).executeTakeFirst();
  if (existing && Number(existing.saved_at) > at) return ok({});
  await ctx.tx.db
    .insertInto('kiosk_reader_profiles')
    .values({ kiosk_id: ctx.kioskId, profile, saved_at: at, received_at: ctx.now })
    .onConflict((oc) => oc.column('kiosk_id').doUpdateSet({ profile, saved_at: at, received_at: ctx.now }))
    .execute();
  return ok({});
}

async function apply(ctx: CommandContext, command: UserCommand, user: UserRow, config: ConfigValues): Promise<Applied> {
  // A kiosk's clock may run ahead: nothing it reports can have happened after it reached us.
  const at = Math.min(command.at, ctx.now);
  switch (command.type) {
    case 'pin-changed': {
      const problem = checkPinHash(command.pinHash);
      if (problem) return fail('invalid-input', problem);
      if (Number(user.disabled) === 1) return fail('user-disabled', 'This user is disabled.');
      // Ordered by arrival here, never by the kiosk's clock: a kiosk running behind would otherwise
      // see its change refused although it told the user it was done (issue 11, finding 4).
      await updateUserRow(ctx.tx, user, { pin_hash: command.pinHash, pin_set_at: ctx.now }, ctx.now);
      return ok({});
    }
    case 'failed-attempt': {
      const state = { failedAttempts: Number(user.failed_attempts), lockedUntil: user.locked_until === null ? null : Number(user.locked_until) };
      const outcome = registerFailedAttempt(
        state,
        { maxAttempts: config['auth.max-failed-pin-attempts'], lockoutMinutes: config['auth.lockout-minutes'] },
        at,
      );
      if (outcome.failedAttempts !== state.failedAttempts || outcome.lockedUntil !== state.lockedUntil) {
        await updateUserRow(ctx.tx, user, { failed_attempts: outcome.failedAttempts, locked_until: outcome.lockedUntil }, ctx.now);
      }
      if (outcome.lockedNow) {
        await appendAudit(ctx.tx.db, {
          id: ctx.random.uuid(), at: ctx.now, kind: 'user.locked', outcome: 'success', userId: user.id, username: user.username,
          kioskId: ctx.kioskId, actor: null, code: null, details: { lockedUntil: outcome.lockedUntil ?? 0 },
        });
      }
      return ok({});
    }
    case 'login-succeeded': {
      const lockedUntil = user.locked_until === null ? null : Number(user.locked_until);
      // A kiosk that had not yet heard of a lock does not lift it.
      if (isLockedOut({ failedAttempts: Number(user.failed_attempts), lockedUntil }, at)) return ok({});
      if (Number(user.failed_attempts) !== 0 || lockedUntil !== null) {
        const cleared = clearFailedAttempts();
        await updateUserRow(ctx.tx, user, { failed_attempts: cleared.failedAttempts, locked_until: cleared.lockedUntil }, ctx.now);
      }
      return ok({});
    }
    case 'card-change-request':
      return changeCard(ctx, user, command.field, command.manualNumber, config);
    default: {
      const never: never = command;
      return never;
    }
  }
}

/** Card/ID change: the rules that need the whole site (uniqueness, the daily limit across kiosks). */
async function changeCard(ctx: CommandContext, user: UserRow, field: CardField, manualNumber: string | null, config: ConfigValues): Promise<Applied> {
  if (!config['user.allow-change-card-id']) return fail('card-change-not-allowed', 'Changing the Card/ID number is not allowed on this site.');
  if (field !== config['user.change-card-id.which']) {
    return fail('card-change-not-allowed', `Only the ${config['user.change-card-id.which']} Card/ID number may be changed.`, { field });
  }
  if (manualNumber !== null && config['user.change-card-id.auto-generate-only']) {
    return fail('manual-card-not-allowed', 'Card/ID numbers can only be generated on this site, not typed.');
  }
  if (Number(user.disabled) === 1) return fail('user-disabled', 'This user is disabled.');
  const lockedUntil = user.locked_until === null ? null : Number(user.locked_until);
  if (isLockedOut({ failedAttempts: Number(user.failed_attempts), lockedUntil }, ctx.now)) {
    return fail('locked-out', 'This user is locked out after too many wrong PINs.', { lockedUntil: lockedUntil ?? 0 });
  }
  const dayStart = startOfSiteDay(ctx.now, config['site.timezone']);
  const counted = await ctx.tx.db
    .selectFrom('card_changes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', user.id)
    .where('at', '>=', dayStart)
    .executeTakeFirst();
  const limit = checkDailyCardChangeLimit(Number(counted?.n ?? 0), config['user.can-change-card-id.num-times-per-day']);
  if (!limit.ok) return limit;

  let cardNumber: string;
  if (manualNumber !== null) {
    const valid = validateManualCardNumber(manualNumber, { minLength: config['card-id.min-length'], maxLength: config['card-id.max-length'] });
    if (!valid.ok) return valid;
    cardNumber = valid.value;
  } else {
    const generated = await generateUnused(ctx, config['card-id.generated-length']);
    if (!generated.ok) return generated;
    cardNumber = generated.value;
  }
  const saved = await setCardNumber(ctx.tx, user, field, cardNumber, ctx.now);
  if (!saved.ok) return saved;
  const seq = await ctx.tx.nextSeq();
  await ctx.tx.db
    .insertInto('card_changes')
    .values({ id: ctx.random.uuid(), user_id: user.id, field, kind: manualNumber === null ? 'generated' : 'manual', at: ctx.now, kiosk_id: ctx.kioskId, seq })
    .execute();
  return ok({ cardNumber });
}

/** A lookup costs microseconds here, so it tries harder than the kiosk before giving up on a crowded length. */
async function generateUnused(ctx: CommandContext, length: number, maxTries = 100): Promise<Result<string, DomainError>> {
  for (let attempt = 0; attempt < maxTries; attempt++) {
    const candidate = generateCardNumber(ctx.random, length);
    if (!(await isCardTaken(ctx.tx.db, candidate))) return ok(candidate);
  }
  return fail('conflict', `Could not find an unused Card/ID number of ${length} digits. Please contact your system administrator.`, { length });
}
