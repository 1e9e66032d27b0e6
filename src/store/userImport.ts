import type Database from 'better-sqlite3';
import { usernameExists, usernameKey, validateCardNumberSyntax, type NewUser, type UserRepository } from '../core/index.js';

/** One refused row: index into the rows given (the CLI adds its header offset for line numbers). */
export interface ImportRowProblem {
  readonly index: number;
  readonly reason: string;
}

const PHC_ARGON2ID = /^\$argon2id\$v=\d+\$[mtp]=\d+,[mtp]=\d+,[mtp]=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/**
 * Checks a whole batch against the store and against itself before anything is written, so every
 * bad row is reported at once and a refused batch changes nothing. Reasons never repeat a PIN hash.
 */
export function findImportProblems(rows: readonly NewUser[], users: UserRepository): ImportRowProblem[] {
  const problems: ImportRowProblem[] = [];
  const usernames = new Map<string, { index: number; username: string }>();
  const cards = new Map<string, number>();
  rows.forEach((row, index) => {
    const refuse = (reason: string) => problems.push({ index, reason });
    if (row.username.trim() === '' || row.username !== row.username.trim()) {
      refuse('username is empty or has surrounding spaces');
    } else if (usernames.has(usernameKey(row.username))) {
      const first = usernames.get(usernameKey(row.username))!;
      const spelled = first.username === row.username ? '' : ` as ${first.username}; usernames ignore case`;
      refuse(`username ${row.username} appears twice (also row ${first.index + 1}${spelled})`);
    } else {
      const holder = users.findByUsername(row.username);
      if (holder) refuse(usernameExists(row.username, holder.username));
    }
    if (!usernames.has(usernameKey(row.username))) usernames.set(usernameKey(row.username), { index, username: row.username });
    for (const [label, card] of [['primary card', row.primaryCard], ['secondary card', row.secondaryCard]] as const) {
      if (card === null) continue;
      const syntax = validateCardNumberSyntax(card);
      if (!syntax.ok || syntax.value !== card) {
        refuse(`${label} ${JSON.stringify(card)} is not a Card/ID number (1 to 64 letters or digits)`);
      } else if (cards.has(card)) {
        const first = cards.get(card)!;
        refuse(first === index ? `primary and secondary card are both ${card}` : `${label} ${card} appears twice (also row ${first + 1})`);
      } else if (users.isCardTaken(card)) {
        refuse(`${label} ${card} is already in use`);
      }
      if (!cards.has(card)) cards.set(card, index);
    }
    if (row.pinHash !== null && !PHC_ARGON2ID.test(row.pinHash)) refuse('PIN hash is not an argon2id PHC string');
  });
  return problems;
}

/** Inserts rows through one prepared statement; the caller runs it inside a transaction. */
export function insertUsers(db: Database.Database, rows: readonly NewUser[], newId: () => string, now: number): number {
  const insert = db.prepare(
    `INSERT INTO users (id, username, display_name, email, primary_card, secondary_card, pin_hash, version, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  for (const row of rows) {
    insert.run(row.id ?? newId(), row.username, row.displayName, row.email, row.primaryCard, row.secondaryCard, row.pinHash, now);
  }
  return rows.length;
}
