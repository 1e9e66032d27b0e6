import type { NewUser, PinHasher } from '../../core/index.js';
import { hashPinsBounded } from '../../userImport/boundedPinHashing.js';
import { planImport, type ExistingUsers, type RowProblem } from '../../userImport/importPlan.js';
import type { PinPolicyCheck } from '../../userImport/newUserFields.js';
import type { UserCsvItem } from '../../userImport/userCsvReader.js';

/**
 * Writes checked users in one store transaction, all or none, re-checking against the store inside
 * it (another process may have written since the plan); problems index into `users`.
 */
export type CommitOutcome = { ok: true } | { ok: false; problems: readonly { index: number; reason: string }[] };
export type CommitUsers = (users: readonly NewUser[]) => CommitOutcome | Promise<CommitOutcome>;

export interface CreateUsersDeps {
  readonly users: ExistingUsers;
  readonly hasher: () => Promise<Pick<PinHasher, 'hash'>>;
  readonly pinPolicy: PinPolicyCheck;
  readonly hashConcurrency: number;
  readonly commit: CommitUsers;
}

export type CreateUsersOutcome =
  | { readonly ok: true; readonly created: number; readonly withPin: number }
  | { readonly ok: false; readonly problems: readonly RowProblem[]; readonly problemCount: number };

/**
 * `users import` and `users add` (a one-row import): all rows or none. Every row is checked first
 * (file and store) so all problems are reported at once, PINs are hashed outside the transaction
 * (argon2 is slow and async) and only when nothing is wrong, then `commit` writes every user in one
 * transaction.
 */
export async function createUsers(items: AsyncIterable<UserCsvItem>, deps: CreateUsersDeps): Promise<CreateUsersOutcome> {
  const plan = await planImport(items, deps.users, deps.pinPolicy);
  if (plan.problemCount > 0) return { ok: false, problems: plan.problems, problemCount: plan.problemCount };

  const rows = plan.rows;
  const pins = rows.map((row) => row.pin);
  const hashes = pins.some((pin) => pin !== null) ? await hashPinsBounded(pins, await deps.hasher(), deps.hashConcurrency) : pins;
  const users: NewUser[] = rows.map((row, i) => ({
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    primaryCard: row.primaryCard,
    secondaryCard: row.secondaryCard,
    pinHash: hashes[i] ?? null,
  }));
  const committed = await deps.commit(users);
  if (!committed.ok) {
    const problems = committed.problems.map((p) => ({ line: rows[p.index]?.line ?? 0, reason: p.reason }));
    return { ok: false, problems, problemCount: problems.length };
  }
  return { ok: true, created: users.length, withPin: hashes.reduce((n, hash) => (hash === null ? n : n + 1), 0) };
}
