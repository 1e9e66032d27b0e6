import type { NewUser } from '../../../src/core/index.js';
import { createUsers, type CreateUsersDeps } from '../../../src/cli/users/createUsers.js';
import type { UserCsvItem } from '../../../src/userImport/userCsvReader.js';

function record(line: number, username: string, primaryCard: string, pin = ''): UserCsvItem {
  return { kind: 'record', record: { line, username, name: '', email: '', primaryCard, secondaryCard: '', pin } };
}

async function* items(...list: UserCsvItem[]): AsyncGenerator<UserCsvItem> {
  yield* list;
}

function deps(overrides: Partial<CreateUsersDeps> = {}): CreateUsersDeps & { committed: NewUser[][]; hashed: string[] } {
  const committed: NewUser[][] = [];
  const hashed: string[] = [];
  return {
    committed,
    hashed,
    users: { findByUsername: () => undefined, findByCard: () => undefined, isCardTaken: () => false },
    hasher: async () => ({
      hash: async (pin: string) => {
        hashed.push(pin);
        return `$argon2id$fake-${hashed.length}`;
      },
    }),
    pinPolicy: () => null,
    hashConcurrency: 2,
    commit: (users) => {
      committed.push([...users]);
      return { ok: true };
    },
    ...overrides,
  };
}

describe('creating users from checked rows', () => {
  it('hashes the PINs given and commits every user at once with its hash', async () => {
    const d = deps();
    const outcome = await createUsers(items(record(2, 'ann', '1', '5820'), record(3, 'ben', '2')), d);
    expect(outcome).toEqual({ ok: true, created: 2, withPin: 1 });
    expect(d.committed).toHaveLength(1);
    expect(d.committed[0]!.map((u) => [u.username, u.pinHash])).toEqual([['ann', '$argon2id$fake-1'], ['ben', null]]);
  });

  it('hashes nothing and commits nothing when any row is bad', async () => {
    const d = deps();
    const outcome = await createUsers(items(record(2, 'ann', '1', '5820'), record(3, '', '2')), d);
    expect(outcome).toMatchObject({ ok: false, problemCount: 1, problems: [{ line: 3, reason: 'missing username' }] });
    expect(d.hashed).toEqual([]);
    expect(d.committed).toEqual([]);
  });

  it('does not even load the hasher (pepper, dummy hash) for rows without PINs', async () => {
    const d = deps({ hasher: () => Promise.reject(new Error('hasher loaded')) });
    expect(await createUsers(items(record(2, 'ann', '1')), d)).toEqual({ ok: true, created: 1, withPin: 0 });
  });

  it("maps the store's own refusals (a change made meanwhile) back to file lines", async () => {
    const d = deps({ commit: () => ({ ok: false, problems: [{ index: 1, reason: 'primary card 2 is already in use' }] }) });
    const outcome = await createUsers(items(record(2, 'ann', '1'), record(5, 'ben', '2')), d);
    expect(outcome).toEqual({ ok: false, problemCount: 1, problems: [{ line: 5, reason: 'primary card 2 is already in use' }] });
  });
});
