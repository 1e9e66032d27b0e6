import type Database from 'better-sqlite3';
import type { Clock, NewUser, User, UserQuery, UserRepository } from '../core/index.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  email: string;
  primary_card: string | null;
  secondary_card: string | null;
  pin_hash: string | null;
  disabled: number;
  failed_attempts: number;
  locked_until: number | null;
  version: number;
  updated_at: number;
}

const COLUMNS =
  'u.id, u.username, u.display_name, u.email, u.primary_card, u.secondary_card, u.pin_hash, u.disabled, u.failed_attempts, u.locked_until, u.version, u.updated_at';

export function userFromRow(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    primaryCard: row.primary_card,
    secondaryCard: row.secondary_card,
    pinHash: row.pin_hash,
    disabled: row.disabled === 1,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** The columns insert and update share, as named statement parameters. */
function profileColumns(user: NewUser | User) {
  const { username, displayName, email, primaryCard, secondaryCard, pinHash } = user;
  return { username, displayName, email, primaryCard, secondaryCard, pinHash };
}

/** UserRepository on better-sqlite3: every statement prepared once, card lookups through card_numbers' primary key. */
export class SqliteUserRepository implements UserRepository {
  private readonly byId;
  private readonly byUsername;
  private readonly byCard;
  private readonly cardTaken;
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteRow;
  private readonly countRows;
  private readonly listRows;
  private readonly searchRows;

  constructor(
    db: Database.Database,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {
    this.byId = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users u WHERE u.id = ?`);
    this.byUsername = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users u WHERE lower(u.username) = lower(?)`);
    this.byCard = db.prepare<[string], UserRow>(
      `SELECT ${COLUMNS} FROM card_numbers c JOIN users u ON u.row_id = c.user_row WHERE c.card_number = ?`,
    );
    this.cardTaken = db.prepare<[string], number>('SELECT 1 FROM card_numbers WHERE card_number = ?').pluck();
    this.insertRow = db.prepare(
      `INSERT INTO users (id, username, display_name, email, primary_card, secondary_card, pin_hash, version, updated_at)
       VALUES (@id, @username, @displayName, @email, @primaryCard, @secondaryCard, @pinHash, 1, @updatedAt)`,
    );
    this.updateRow = db.prepare(
      `UPDATE users SET username = @username, display_name = @displayName, email = @email,
         primary_card = @primaryCard, secondary_card = @secondaryCard, pin_hash = @pinHash,
         disabled = @disabled, failed_attempts = @failedAttempts, locked_until = @lockedUntil,
         version = version + 1, updated_at = @updatedAt
       WHERE id = @id`,
    );
    // The users_cards_after_delete trigger drops the user's rows from card_numbers.
    this.deleteRow = db.prepare<[string]>('DELETE FROM users WHERE id = ?');
    this.countRows = db.prepare<[], number>('SELECT count(*) FROM users').pluck();
    this.listRows = db.prepare<[number, number], UserRow>(`SELECT ${COLUMNS} FROM users u ORDER BY u.username LIMIT ? OFFSET ?`);
    this.searchRows = db.prepare<[{ pattern: string; limit: number; offset: number }], UserRow>(
      `SELECT ${COLUMNS} FROM users u
       WHERE u.username LIKE @pattern ESCAPE '\\' OR u.display_name LIKE @pattern ESCAPE '\\' OR u.email LIKE @pattern ESCAPE '\\'
       ORDER BY u.username LIMIT @limit OFFSET @offset`,
    );
  }

  findById(id: string): User | undefined {
    const row = this.byId.get(id);
    return row && userFromRow(row);
  }

  /** Whatever the case: usernames are unique by lower(username) (migration 0009). */
  findByUsername(username: string): User | undefined {
    const row = this.byUsername.get(username);
    return row && userFromRow(row);
  }

  findByCard(cardNumber: string): User | undefined {
    const row = this.byCard.get(cardNumber);
    return row && userFromRow(row);
  }

  isCardTaken(cardNumber: string): boolean {
    return this.cardTaken.get(cardNumber) !== undefined;
  }

  /** Throws SQLite's constraint error on a taken username or Card/ID number (callers check first). */
  insert(user: NewUser): User {
    const id = user.id ?? this.newId();
    const updatedAt = this.clock.now();
    this.insertRow.run({ ...profileColumns(user), id, updatedAt });
    // Built in memory rather than read back: bulk imports call this 100,000 times in one transaction.
    return { ...profileColumns(user), id, disabled: false, failedAttempts: 0, lockedUntil: null, version: 1, updatedAt };
  }

  update(user: User): User {
    const result = this.updateRow.run({
      ...profileColumns(user),
      id: user.id,
      disabled: user.disabled ? 1 : 0,
      failedAttempts: user.failedAttempts,
      lockedUntil: user.lockedUntil,
      updatedAt: this.clock.now(),
    });
    if (result.changes !== 1) throw new Error(`No user with id ${user.id} to update.`);
    return this.findById(user.id)!;
  }

  delete(id: string): boolean {
    return this.deleteRow.run(id).changes === 1;
  }

  list(query: UserQuery = {}): readonly User[] {
    const limit = query.limit ?? -1;
    const offset = query.offset ?? 0;
    const rows = query.search
      ? this.searchRows.all({ pattern: `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit, offset })
      : this.listRows.all(limit, offset);
    return rows.map(userFromRow);
  }

  count(): number {
    return this.countRows.get()!;
  }
}
