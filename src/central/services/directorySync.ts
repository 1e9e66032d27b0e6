import {
  planDirectorySync,
  syncPlanCounts,
  type DirectoryError,
  type DirectoryProgress,
  type DirectorySyncPlan,
  type Result,
  type SyncedUser,
} from '../../core/index.js';
import type { CentralContext } from '../centralContext.js';
import type { WriteTx } from '../storage/centralStorage.js';
import { appendAudit } from './centralAudit.js';
import { readConfig } from './centralConfig.js';
import { findUserRow, insertUserRows, setCardNumber, updateUserRow, usernamesHeldByImports } from './userRows.js';
import { visibleUser } from './visibleUsers.js';

export interface DirectorySyncReport {
  readonly dryRun: boolean;
  readonly peopleRead: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly plan: DirectorySyncPlan;
}

async function currentUsers(tx: WriteTx): Promise<{ users: SyncedUser[]; holders: Map<string, string> }> {
  const rows = await tx.db
    .selectFrom('users')
    .leftJoin('directory_users', 'directory_users.user_id', 'users.id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.email', 'users.primary_card', 'users.disabled', 'directory_users.user_id as managed_id', 'directory_users.synced_card', 'directory_users.disabled_by_sync'])
    .where(visibleUser())
    .execute();
  const cards = await tx.db.selectFrom('card_numbers').innerJoin('users', 'users.id', 'card_numbers.user_id').select(['card_numbers.number', 'users.username']).execute();
  return {
    users: rows.map((row) => ({
      id: row.id, username: row.username, displayName: row.display_name, email: row.email, primaryCard: row.primary_card, disabled: Number(row.disabled) === 1,
      managed: row.managed_id === null ? null : { syncedCard: row.synced_card ?? null, disabledBySync: Number(row.disabled_by_sync) === 1 },
    })),
    holders: new Map(cards.map((card) => [card.number, card.username])),
  };
}

async function applyPlan(ctx: DirectorySyncContext, tx: WriteTx, plan: DirectorySyncPlan, now: number): Promise<void> {
  const created = await insertUserRows(tx, plan.create.map(({ person, primaryCard }) => ({
    id: ctx.random.uuid(), username: person.username, displayName: person.displayName, email: person.email, primaryCard, secondaryCard: null, pinHash: null,
  })), now);
  const managedRows = created.map((row, i) => ({ user_id: row.id, dn: plan.create[i]!.person.dn, synced_card: row.primary_card, disabled_by_sync: 0, synced_at: now }));
  for (const { userId, dn } of plan.adopt) managedRows.push({ user_id: userId, dn, synced_card: null, disabled_by_sync: 0, synced_at: now });
  for (let i = 0; i < managedRows.length; i += 500) await tx.db.insertInto('directory_users').values(managedRows.slice(i, i + 500)).execute();
  for (const change of plan.update) {
    const row = (await findUserRow(tx.db, change.userId))!;
    await updateUserRow(tx, row, { display_name: change.displayName, email: change.email }, now);
  }
  for (const change of plan.setCard) {
    const row = (await findUserRow(tx.db, change.userId))!;
    const saved = await setCardNumber(tx, row, 'primary', change.cardNumber, now);
    // The plan checked every holder inside this transaction; a refusal here is a bug, not a conflict.
    if (!saved.ok) throw new Error(`directory sync: ${saved.error.message}`);
  }
  for (const { userId, dn, syncedCard } of plan.syncedCards) {
    await tx.db.updateTable('directory_users').set({ dn, synced_card: syncedCard, synced_at: now }).where('user_id', '=', userId).execute();
  }
  for (const { userId } of plan.disable) {
    await updateUserRow(tx, (await findUserRow(tx.db, userId))!, { disabled: 1 }, now);
    await tx.db.updateTable('directory_users').set({ disabled_by_sync: 1, synced_at: now }).where('user_id', '=', userId).execute();
  }
  for (const { userId } of plan.enable) {
    await updateUserRow(tx, (await findUserRow(tx.db, userId))!, { disabled: 0 }, now);
    await tx.db.updateTable('directory_users').set({ disabled_by_sync: 0, synced_at: now }).where('user_id', '=', userId).execute();
  }
}

/**
 * Reads every person under the base DN, then plans and (unless dryRun) applies the difference in
 * one transaction with one `directory.sync` audit row of counts. Progress goes to onProgress.
 */
export type DirectorySyncContext = Pick<CentralContext, 'storage' | 'clock' | 'random' | 'directoryFor'>;

export async function syncDirectory(
  ctx: DirectorySyncContext,
  options: { readonly dryRun: boolean; readonly actor: string; readonly onProgress?: DirectoryProgress },
): Promise<Result<DirectorySyncReport, DirectoryError>> {
  const config = await readConfig(ctx.storage.db);
  const directory = ctx.directoryFor(config);
  if (!directory) return { ok: false, error: { code: 'not-configured', message: 'No directory is configured (directory.ldap.url is empty).' } };
  const people = await directory.listPeople(options.onProgress);
  if (!people.ok) return people;
  const report = await ctx.storage.write(async (tx) => {
    const { users, holders } = await currentUsers(tx);
    const plan = planDirectorySync(people.value, users, holders, await usernamesHeldByImports(tx.db));
    const counts = syncPlanCounts(plan);
    if (!options.dryRun) {
      const now = ctx.clock.now();
      await applyPlan(ctx, tx, plan, now);
      await appendAudit(tx.db, {
        id: ctx.random.uuid(), at: now, kind: 'directory.sync', outcome: 'success', userId: null, username: null, kioskId: null,
        actor: options.actor, code: null, details: { ...counts, peopleRead: people.value.length },
      });
    }
    return { dryRun: options.dryRun, peopleRead: people.value.length, counts, plan };
  });
  return { ok: true, value: report };
}
