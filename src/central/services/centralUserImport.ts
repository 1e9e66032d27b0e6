import { Readable } from 'node:stream';
import { validatePinPolicy, type PinHasher } from '../../core/index.js';
import { hashPinsBounded } from '../../userImport/boundedPinHashing.js';
import { planImport, type RowProblem } from '../../userImport/importPlan.js';
import { readUserCsv } from '../../userImport/userCsvReader.js';
import { appendAudit } from './centralAudit.js';
import { readConfig } from './centralConfig.js';
import type { AdminWriteContext } from './adminUsers.js';
import { checkNewUser } from './adminUsers.js';
import { findUserRowByUsername, insertUserRow, isCardTaken } from './userRows.js';
import type { CentralStorage } from '../storage/centralStorage.js';

export type CentralImportOutcome =
  | { readonly ok: true; readonly imported: number; readonly withPin: number }
  | { readonly ok: false; readonly problems: readonly RowProblem[]; readonly problemCount: number };

/**
 * CSV import on the central store: the same file format, row rules and all-or-nothing rule as
 * `badgekiosk users import` (src/userImport). Rows are checked against the file and the
 * database, PINs hashed with the site pepper outside any transaction, then every user is
 * inserted in one write transaction, re-checked there in case another administrator got in first.
 */
export async function importUsersCsv(
  csv: string,
  deps: { readonly storage: CentralStorage; readonly pinHasher: Pick<PinHasher, 'hash'>; readonly hashConcurrency: number },
  write: <T>(fn: (w: AdminWriteContext) => Promise<T>) => Promise<T>,
): Promise<CentralImportOutcome> {
  const db = deps.storage.db;
  const config = await readConfig(db);
  const policy = { minLength: config['pin.min-length'], maxLength: config['pin.max-length'] };
  const plan = await planImport(
    readUserCsv(Readable.from([csv])),
    {
      findByUsername: (username) => findUserRowByUsername(db, username),
      isCardTaken: (card) => isCardTaken(db, card),
      findByCard: async (card) => {
        const holder = await db
          .selectFrom('card_numbers')
          .innerJoin('users', 'users.id', 'card_numbers.user_id')
          .select('users.username')
          .where('card_numbers.number', '=', card)
          .executeTakeFirst();
        return holder;
      },
    },
    (pin) => {
      const checked = validatePinPolicy(pin, policy);
      return checked.ok ? null : checked.error.message;
    },
  );
  if (plan.problemCount > 0) return { ok: false, problems: plan.problems, problemCount: plan.problemCount };
  const rows = plan.rows;
  const hashes = await hashPinsBounded(rows.map((row) => row.pin), deps.pinHasher, deps.hashConcurrency);
  const withPin = hashes.filter((h) => h !== null).length;
  return write(async (w) => {
    const problems: RowProblem[] = [];
    for (const row of rows) {
      const fields = { username: row.username, displayName: row.displayName, email: row.email, primaryCard: row.primaryCard, secondaryCard: row.secondaryCard };
      const checked = await checkNewUser(w.tx.db, { ...fields, pinHash: null });
      if (!checked.ok) problems.push({ line: row.line, reason: checked.error.message });
    }
    if (problems.length > 0) return { ok: false as const, problems, problemCount: problems.length };
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      await insertUserRow(
        w.tx,
        { id: w.random.uuid(), username: row.username, displayName: row.displayName, email: row.email, primaryCard: row.primaryCard, secondaryCard: row.secondaryCard, pinHash: hashes[i] ?? null },
        w.now,
      );
    }
    await appendAudit(w.tx.db, {
      id: w.random.uuid(), at: w.now, kind: 'user.import', outcome: 'success', userId: null, username: null, kioskId: null,
      actor: w.actor.username, code: null, details: { users: rows.length, withPin },
    });
    return { ok: true as const, imported: rows.length, withPin };
  });
}
