import { auditEvent, type Clock, type PinHasher, type RandomSource, type UnitOfWork } from '../../core/index.js';
import { hashPinsBounded } from './boundedPinHashing.js';
import { planImport, type RowProblem } from './importPlan.js';
import type { PinPolicyCheck } from './newUserFields.js';
import type { UserCsvItem } from './userCsvReader.js';

export interface ImportDeps {
  readonly uow: UnitOfWork;
  readonly hasher: Pick<PinHasher, 'hash'>;
  readonly clock: Clock;
  readonly random: Pick<RandomSource, 'uuid'>;
  readonly pinPolicy: PinPolicyCheck;
  readonly hashConcurrency: number;
}

export type ImportOutcome =
  | { readonly ok: true; readonly imported: number; readonly withPin: number }
  | { readonly ok: false; readonly problems: readonly RowProblem[]; readonly problemCount: number };

/**
 * `users import` and `users add` (a one-row import): all rows or none. Every row is checked first (file and store), PINs are hashed
 * outside the transaction (argon2 is slow and async), then all users are inserted in one store
 * transaction together with the audit event. A conflict appearing between the check and the
 * insert (another process) makes the insert throw, which rolls everything back.
 */
export async function createUsers(
  items: AsyncIterable<UserCsvItem>,
  deps: ImportDeps,
  auditKind: 'user.import' | 'user.add',
): Promise<ImportOutcome> {
  const plan = await planImport(items, deps.uow.repos.users, deps.pinPolicy);
  if (plan.problemCount > 0) return { ok: false, problems: plan.problems, problemCount: plan.problemCount };

  const rows = plan.rows;
  const hashes = await hashPinsBounded(rows.map((row) => row.pin), deps.hasher, deps.hashConcurrency);
  const withPin = hashes.reduce((n, hash) => (hash === null ? n : n + 1), 0);
  const at = deps.clock.now();
  deps.uow.transaction((repos) => {
    let user: { readonly id: string; readonly username: string } | null = null;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      user = repos.users.insert({
        username: row.username,
        displayName: row.displayName,
        email: row.email,
        primaryCard: row.primaryCard,
        secondaryCard: row.secondaryCard,
        pinHash: hashes[i] ?? null,
      });
    }
    repos.audit.append(
      auditEvent({
        id: deps.random.uuid(),
        at,
        kind: auditKind,
        outcome: 'success',
        // One event per import (not per row), naming the user when there is exactly one.
        user: rows.length === 1 ? user : null,
        kioskId: null,
        details: { users: rows.length, withPin },
      }),
    );
  });
  return { ok: true, imported: rows.length, withPin };
}
