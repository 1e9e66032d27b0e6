import type { NewUser, PinHasher } from '../core/index.js';
import { USER_CSV_HEADER } from '../userImport/userCsvReader.js';

/**
 * The embedded default's people (README "Newcomer's start"): one of each situation a newcomer
 * should be able to try in a minute. Their PINs are public by design; this set is written only
 * into an empty data directory, never next to real users.
 */
export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly primaryCard: string;
  readonly secondaryCard: string | null;
  /** null: no PIN yet, so the first swipe leads to "set your PIN". */
  readonly pin: string | null;
  readonly note: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'ada', displayName: 'Ada Lovelace', primaryCard: '0004521337', secondaryCard: '7001', pin: '2580', note: 'card or typed ID, then PIN' },
  { username: 'grace', displayName: 'Grace Hopper', primaryCard: '0009876543', secondaryCard: null, pin: null, note: 'no PIN yet: swipe to set one' },
  { username: 'alan', displayName: 'Alan Turing', primaryCard: '0001234001', secondaryCard: '7003', pin: '1357', note: 'change PIN, new Card/ID number' },
];

export const DEMO_SEEDED_KEY = 'demo.seeded';
/** Set in the kiosk's store once the embedded central store got the demo users. */
export const DEMO_CENTRAL_SEEDED_KEY = 'demo.central-seeded';

/** The demo users in the import format (src/userImport), for the embedded central store. */
export function demoUsersCsv(): string {
  const rows = DEMO_USERS.map((u) =>
    [u.username, u.displayName, `${u.username}@demo.badgekiosk.invalid`, u.primaryCard, u.secondaryCard ?? '', u.pin ?? ''].join(','),
  );
  return [USER_CSV_HEADER, ...rows].join('\n') + '\n';
}

export async function demoUserRows(hasher: PinHasher): Promise<NewUser[]> {
  const rows: NewUser[] = [];
  for (const user of DEMO_USERS) {
    rows.push({
      username: user.username,
      displayName: user.displayName,
      email: `${user.username}@demo.badgekiosk.invalid`,
      primaryCard: user.primaryCard,
      secondaryCard: user.secondaryCard,
      pinHash: user.pin === null ? null : await hasher.hash(user.pin),
    });
  }
  return rows;
}

/** The lines `badgekiosk start` prints so a newcomer can sign in at once. */
export function demoUsersTable(): string[] {
  const lines = ['Demo users (initial PINs; a PIN changed at the kiosk is not shown here):'];
  lines.push(`  ${'user'.padEnd(8)} ${'card'.padEnd(12)} ${'typed ID'.padEnd(9)} ${'PIN'.padEnd(8)} try`);
  for (const user of DEMO_USERS) {
    lines.push(
      `  ${user.username.padEnd(8)} ${user.primaryCard.padEnd(12)} ${(user.secondaryCard ?? '-').padEnd(9)} ${(user.pin ?? '(none)').padEnd(8)} ${user.note}`,
    );
  }
  return lines;
}
