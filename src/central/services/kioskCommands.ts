import {
  fail,
  ok,
  type ConfigValues,
  type DomainError,
  type OutboxCommand,
  type RandomSource,
  type Result,
} from '../../core/index.js';
import type { WriteTx } from '../storage/centralStorage.js';
import { appendAudit, type CentralAuditKind } from './centralAudit.js';
import { readConfig } from './centralConfig.js';
import { changeCard } from './cardChangeService.js';
import { recordFailedAttempt, recordSuccessfulSignIn } from './lockoutService.js';
import { setPinHash } from './pinChangeService.js';
import { recordTypedIdFailure } from './typedIdAttempts.js';
import { findUserRow, updateUserRow, type UserRow } from './userRows.js';

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
      : command.type === 'typed-id-attempt'
        ? await countTypedIdAttempt(ctx, command, config)
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
  // An accepted typed-ID attempt is still a failed sign-in: the audit says so, with the number masked.
  const typedId = command.type === 'typed-id-attempt';
  await appendAudit(tx.db, {
    id: ctx.random.uuid(),
    at: now,
    kind: auditKindOf(command),
    outcome: result.ok && !typedId ? 'success' : 'failure',
    userId,
    username: user?.username ?? null,
    kioskId,
    actor: null,
    code: result.ok ? (typedId ? 'invalid-credentials' : null) : result.error.code,
    details: {
      idempotencyKey, command: command.type, happenedAt: command.at,
      ...(command.type === 'card-change-request' ? { field: command.field } : {}),
      ...(typedId ? { id: command.masked } : {}),
    },
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
    case 'typed-id-attempt':
      return 'typed-id.failed';
    default: {
      const never: never = command;
      return never;
    }
  }
}

type Applied = Result<{ cardNumber?: string }, DomainError>;

type UserCommand = Exclude<OutboxCommand, { type: 'reader-profile' | 'typed-id-attempt' }>;

async function countTypedIdAttempt(ctx: CommandContext, command: Extract<OutboxCommand, { type: 'typed-id-attempt' }>, config: ConfigValues): Promise<Applied> {
  await recordTypedIdFailure(ctx, command.digest, command.masked, config, Math.min(command.at, ctx.now));
  return ok({});
}

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
      const saved = await setPinHash(ctx, user, command.pinHash);
      return saved.ok ? ok({}) : saved;
    }
    case 'failed-attempt':
      await recordFailedAttempt(ctx, user, config, at);
      return ok({});
    case 'login-succeeded':
      await recordSuccessfulSignIn(ctx, user, at);
      return ok({});
    case 'card-change-request': {
      const changed = await changeCard(ctx, user, command.field, command.manualNumber, config);
      return changed.ok ? ok({ cardNumber: changed.value.cardNumber }) : changed;
    }
    default: {
      const never: never = command;
      return never;
    }
  }
}
