import { NO_TYPED_ID_ATTEMPTS, registerTypedIdFailure, type ConfigValues, type TypedIdFailureOutcome } from '../../core/index.js';
import type { CentralDb } from '../storage/centralStorage.js';
import type { ChangeContext } from './cardChangeService.js';
import { appendAudit } from './centralAudit.js';

/** What the central store holds for one typed number: the same rule as the kiosks', without a local budget. */
export async function findTypedIdAttempts(db: CentralDb, digest: string) {
  const row = await db.selectFrom('typed_id_attempts').selectAll().where('digest', '=', digest).executeTakeFirst();
  if (!row) return NO_TYPED_ID_ATTEMPTS;
  return {
    failures: Number(row.failures),
    lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    lastFailureAt: row.last_failure_at === null ? null : Number(row.last_failure_at),
    pending: 0,
  };
}

/**
 * One wrong typed-ID try from any kiosk (or the User web interface), counted by digest with core's
 * registerTypedIdFailure, written with a new sequence so every kiosk pulls the count and the lock.
 * `masked` is the number's ending as the audit shows it.
 */
export async function recordTypedIdFailure(
  ctx: ChangeContext,
  digest: string,
  masked: string,
  config: ConfigValues,
  at: number,
): Promise<TypedIdFailureOutcome> {
  const before = await findTypedIdAttempts(ctx.tx.db, digest);
  const policy = { maxAttempts: config['auth.max-failed-pin-attempts'], lockoutMinutes: config['auth.lockout-minutes'], localBudget: null };
  const outcome = registerTypedIdFailure(before, policy, at);
  const { failures, lockedUntil, lastFailureAt } = outcome.state;
  const seq = await ctx.tx.nextSeq();
  await ctx.tx.db
    .insertInto('typed_id_attempts')
    .values({ digest, failures, locked_until: lockedUntil, last_failure_at: lastFailureAt, seq })
    .onConflict((oc) => oc.column('digest').doUpdateSet({ failures, locked_until: lockedUntil, last_failure_at: lastFailureAt, seq }))
    .execute();
  if (outcome.lockedNow) {
    await appendAudit(ctx.tx.db, {
      id: ctx.random.uuid(), at: ctx.now, kind: 'typed-id.locked', outcome: 'success', userId: null, username: null,
      kioskId: ctx.kioskId, actor: null, code: null, details: { id: masked, lockedUntil: lockedUntil ?? 0 },
    });
  }
  return outcome;
}
