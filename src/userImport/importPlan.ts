import { usernameExists, usernameKey } from '../core/index.js';
import { checkNewUserFields, type NewUserFields, type PinPolicyCheck } from './newUserFields.js';
import type { UserCsvItem } from './userCsvReader.js';
import { ROWS_PER_YIELD, yieldToEventLoop } from './eventLoopYield.js';

/**
 * Who already holds a username or Card/ID number: the kiosk's UserRepository answers at once, the
 * central store's database asynchronously.
 */
type Maybe<T> = T | Promise<T>;
export interface ExistingUsers {
  findByUsername(username: string): Maybe<{ readonly username: string } | undefined>;
  findByCard(cardNumber: string): Maybe<{ readonly username: string } | undefined>;
  isCardTaken(cardNumber: string): Maybe<boolean>;
}

export interface RowProblem {
  readonly line: number;
  readonly reason: string;
}

export interface ImportRow extends NewUserFields {
  readonly line: number;
}

export interface ImportPlan {
  /** Valid rows in file order; only meaningful when problemCount is 0 (all rows or none). */
  readonly rows: readonly ImportRow[];
  /** One entry per bad row, the first ones only (so a wholly wrong file cannot flood memory or the terminal). */
  readonly problems: readonly RowProblem[];
  readonly problemCount: number;
}

/** Awaits only real promises: the kiosk's synchronous lookups stay free of a microtask per row. */
async function resolved<T>(value: Maybe<T>): Promise<T> {
  return value instanceof Promise ? await value : value;
}

const MAX_REPORTED_PROBLEMS = 1000;

/**
 * Checks every row of an import against the field rules, against the other rows of the file
 * (usernames and Card/ID numbers in either field must be unique) and against the users already
 * in the store, keeping only what the insert needs. Nothing is written here.
 */
export async function planImport(
  items: AsyncIterable<UserCsvItem> | Iterable<UserCsvItem>,
  existing: ExistingUsers,
  pinPolicy: PinPolicyCheck,
): Promise<ImportPlan> {
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  let problemCount = 0;
  const report = (line: number, reason: string) => {
    problemCount++;
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push({ line, reason });
  };
  const usernameLines = new Map<string, { line: number; username: string }>();
  const cardLines = new Map<string, number>();

  let seen = 0;
  for await (const item of items) {
    // A 150,000-row plan is a second or more of work: the central store must keep answering meanwhile.
    if (++seen % ROWS_PER_YIELD === 0) await yieldToEventLoop();
    if (item.kind === 'problem') {
      report(item.line, item.reason);
      continue;
    }
    const { line } = item.record;
    const { fields, reasons } = checkNewUserFields(item.record, pinPolicy);
    if (fields.username !== '') {
      const first = usernameLines.get(usernameKey(fields.username));
      if (first !== undefined) {
        const spelled = first.username === fields.username ? '' : ` as ${first.username}; usernames ignore case`;
        reasons.push(`duplicate username ${fields.username} (also on line ${first.line}${spelled})`);
      } else {
        usernameLines.set(usernameKey(fields.username), { line, username: fields.username });
        const taken = existing.findByUsername(fields.username);
        const holder = taken instanceof Promise ? await taken : taken;
        if (holder) reasons.push(usernameExists(fields.username, holder.username));
      }
    }
    for (const [label, card] of [['primary', fields.primaryCard], ['secondary', fields.secondaryCard]] as const) {
      if (card === null) continue;
      const firstLine = cardLines.get(card);
      if (firstLine !== undefined) {
        if (firstLine !== line) reasons.push(`the ${label} Card/ID number is also on line ${firstLine}`);
        continue;
      }
      cardLines.set(card, line);
      // isCardTaken is the cheap probe; the holder is read only for the message.
      const held = existing.isCardTaken(card);
      if (held instanceof Promise ? await held : held) {
        reasons.push(`the ${label} Card/ID number is already held by user ${(await resolved(existing.findByCard(card)))?.username ?? '(unknown)'}`);
      }
    }
    if (reasons.length > 0) {
      report(line, reasons.join('; '));
      continue;
    }
    if (problemCount === 0) rows.push({ line, ...fields });
  }
  if (problemCount > 0) rows.length = 0;
  return { rows, problems, problemCount };
}
