import type { User } from '../../../src/core/index.js';
import { planImport } from '../../../src/userImport/importPlan.js';
import type { UserCsvItem } from '../../../src/userImport/userCsvReader.js';

function record(line: number, username: string, primaryCard = '', secondaryCard = '', extra: { email?: string; pin?: string } = {}): UserCsvItem {
  return { kind: 'record', record: { line, username, name: '', email: extra.email ?? '', primaryCard, secondaryCard, pin: extra.pin ?? '' } };
}

async function* items(...list: UserCsvItem[]): AsyncGenerator<UserCsvItem> {
  yield* list;
}

const stored = { id: 'u1', username: 'zoe', primaryCard: '500', secondaryCard: '501' } as User;
const existing = {
  isCardTaken: (c: string) => c === '500' || c === '501',
  findByUsername: (u: string) => (u === 'zoe' ? stored : undefined),
  findByCard: (c: string) => (c === '500' || c === '501' ? stored : undefined),
};
const pinPolicy = (pin: string) => (pin === '1111' ? 'The PIN must not repeat a single digit (such as 1111).' : null);

describe('import plan: every bad row with its line and reason, all rows or none', () => {
  it('keeps every row of a clean file, normalised', async () => {
    const plan = await planImport(items(record(2, 'alice', '1', '2', { pin: '2580' }), record(3, 'bob')), existing, pinPolicy);
    expect(plan.problemCount).toBe(0);
    expect(plan.rows).toEqual([
      { line: 2, username: 'alice', displayName: 'alice', email: '', primaryCard: '1', secondaryCard: '2', pin: '2580' },
      { line: 3, username: 'bob', displayName: 'bob', email: '', primaryCard: null, secondaryCard: null, pin: null },
    ]);
  });

  it('reports each kind of bad row and keeps no rows', async () => {
    const plan = await planImport(
      items(
        record(2, 'alice', '1'),
        record(3, '', '2'),
        record(4, 'alice', '3'),
        record(5, 'carl', '', '', { email: 'not-an-email' }),
        record(6, 'dora', '4', '1'),
        record(7, 'ed', '501'),
        record(8, 'zoe', '9'),
        record(9, 'fay', '10', '', { pin: '1111' }),
        record(10, 'gus', '11', '11'),
        { kind: 'problem', line: 11, reason: 'expected 6 fields, found 2' },
      ),
      existing,
      pinPolicy,
    );
    expect(plan.rows).toEqual([]);
    expect(plan.problems).toEqual([
      { line: 3, reason: 'missing username' },
      { line: 4, reason: 'duplicate username alice (also on line 2)' },
      { line: 5, reason: 'bad email address' },
      { line: 6, reason: 'the secondary Card/ID number is also on line 2' },
      { line: 7, reason: 'the primary Card/ID number is already held by user zoe' },
      { line: 8, reason: 'username zoe already exists' },
      { line: 9, reason: 'PIN refused: The PIN must not repeat a single digit (such as 1111).' },
      { line: 10, reason: 'the primary and the secondary Card/ID numbers are the same' },
      { line: 11, reason: 'expected 6 fields, found 2' },
    ]);
    expect(plan.problemCount).toBe(9);
  });

  it('bounds the problems it keeps but counts them all', async () => {
    const bad = Array.from({ length: 1500 }, (_, i) => record(i + 2, ''));
    const plan = await planImport(items(...bad), existing, pinPolicy);
    expect(plan.problemCount).toBe(1500);
    expect(plan.problems.length).toBe(1000);
  });

  it('normalises usernames and names to NFC and refuses invisible formatting characters in usernames (issue 11, finding 10)', async () => {
    const decomposed = 'rene\u0301';
    const plan = await planImport(
      items(
        { kind: 'record', record: { line: 2, username: decomposed, name: 'Rene\u0301 Roe', email: '', primaryCard: '', secondaryCard: '', pin: '' } },
        record(3, 'ad\u202Emin'),
        record(4, 'zero\u200Bwidth'),
      ),
      existing,
      pinPolicy,
    );
    expect(plan.problems).toEqual([
      { line: 3, reason: 'the username contains invisible formatting characters (such as a bidi override)' },
      { line: 4, reason: 'the username contains invisible formatting characters (such as a bidi override)' },
    ]);
    const clean = await planImport(items({ kind: 'record', record: { line: 2, username: decomposed, name: 'Rene\u0301 Roe', email: '', primaryCard: '', secondaryCard: '', pin: '' } }), existing, pinPolicy);
    expect(clean.rows[0]).toMatchObject({ username: 'ren\u00e9', displayName: 'Ren\u00e9 Roe' });
  });
});
