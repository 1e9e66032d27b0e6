import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { useCliFixture } from '../../support/cliProcess.js';

interface ListedUser {
  username: string;
  displayName: string;
  email: string;
  primaryCard: string | null;
  secondaryCard: string | null;
  hasPin: boolean;
}

const HEADER = 'username,name,email,primary_card,secondary_card,pin';
// PINs long enough that no card number or id printed in these tests can contain one by chance.
const PINS = ['58203917', '61739428', '27461935'];

describe('badgekiosk users', { timeout: 120_000 }, () => {
  const fx = useCliFixture({ secrets: PINS });

  const csv = async (name: string, lines: string[]) => {
    const file = path.join(fx.dir, name);
    await writeFile(file, lines.join('\n') + '\n');
    return file;
  };

  it('adds a user with cards and a PIN, and shows it without the PIN hash', async () => {
    const added = await fx.cli.run(['users', 'add', '--username', 'alice', '--name', 'Alice Archer', '--email', 'alice@example.org',
      '--primary-card', '0012345', '--secondary-card', '777', '--pin', PINS[0]!]);
    expect(added).toEqual({ code: 0, stdout: 'Added user alice with a PIN.\n', stderr: '' });
    const shown = await fx.cli.run(['users', 'show', 'alice']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/Primary Card\/ID number:\s+0012345/);
    expect(shown.stdout).toMatch(/PIN:\s+set/);
    const json = await fx.cli.json<ListedUser & Record<string, unknown>>(['users', 'show', 'alice', '--json']);
    expect(json).toMatchObject({ username: 'alice', displayName: 'Alice Archer', primaryCard: '0012345', secondaryCard: '777', hasPin: true });
    expect(Object.keys(json).some((key) => /hash/i.test(key))).toBe(false);
  });

  it('refuses a user whose Card/ID number another user already holds, in either field', async () => {
    const refused = await fx.cli.run(['users', 'add', '--username', 'bert', '--primary-card', '777']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('User not added: the primary Card/ID number is already held by user alice\n');
    const taken = await fx.cli.run(['users', 'add', '--username', 'alice', '--primary-card', '4242']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('username alice already exists');
  });

  it('refuses a username that differs only in case from a user of the kiosk store, naming the holder, and finds users whatever the case', async () => {
    const twin = await fx.cli.run(['users', 'add', '--username', 'ALICE', '--primary-card', '4244']);
    expect(twin).toMatchObject({ code: 1, stderr: 'User not added: username ALICE already exists as alice (usernames ignore case)\n' });
    const file = await csv('case.csv', [HEADER, 'Alice,A,,4245,,', 'dora,D,,4246,,', 'DORA,D2,,4247,,']);
    const imported = await fx.cli.run(['users', 'import', file]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('line 2: username Alice already exists as alice (usernames ignore case)');
    expect(imported.stderr).toContain('line 4: duplicate username DORA (also on line 3 as dora; usernames ignore case)');
    expect(await fx.cli.run(['users', 'show', 'Alice'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/alice/) });
  });

  it('refuses a PIN that fails the policy with the policy message', async () => {
    const refused = await fx.cli.run(['users', 'add', '--username', 'carl', '--primary-card', '4343', '--pin', '1234']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^User not added: PIN refused: A PIN may not be a straight run of digits/);
  });

  it('refuses a user who could never sign in (no Card/ID number), saying why, adding nothing', async () => {
    const refused = await fx.cli.run(['users', 'add', '--username', 'eve', '--pin', PINS[0]!]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^User not added: eve could never sign in without a Card\/ID number; give --primary-card or --secondary-card/);
    expect(await fx.cli.run(['users', 'show', 'eve'])).toMatchObject({ code: 1, stderr: 'No user "eve".\n' });
  });

  it('reports a missing user with exit 1', async () => {
    const result = await fx.cli.run(['users', 'show', 'nobody']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'No user "nobody".\n' });
  });

  it('imports every row of a clean file, PINs hashed, leading zeros kept', async () => {
    const file = await csv('good.csv', [HEADER, 'dora,Dora D,dora@example.org,0001,,' + PINS[1], 'emil,,,"0002",0003,', 'finn,Finn,,,,']);
    const result = await fx.cli.run(['users', 'import', file]);
    expect(result).toEqual({ code: 0, stdout: 'Imported 3 users (1 with a PIN).\n', stderr: '' });
    const users = await fx.cli.json<ListedUser[]>(['users', 'list', '--json']);
    expect(users.map((u) => u.username).sort()).toEqual(['alice', 'dora', 'emil', 'finn']);
    expect(users.find((u) => u.username === 'emil')).toMatchObject({ displayName: 'emil', primaryCard: '0002', secondaryCard: '0003', hasPin: false });
    expect(users.find((u) => u.username === 'dora')).toMatchObject({ hasPin: true, email: 'dora@example.org' });
  });

  it('imports nothing when any row is bad, naming each bad row by line and reason', async () => {
    const before = await fx.cli.run(['users', 'list', '--json']);
    const file = await csv('bad.csv', [
      HEADER,
      'gail,,,100,,',
      ',No Name,,101,,',
      'hugo,,hugo-at-example,,,',
      'gail,,,102,,',
      'ivan,,,100,,',
      'jack,,,0001,,',
      'kate,,,103,,1111',
      'lena,,,104,,' + PINS[2],
    ]);
    const result = await fx.cli.run(['users', 'import', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      `${file}: line 3: missing username`,
      `${file}: line 4: bad email address`,
      `${file}: line 5: duplicate username gail (also on line 2)`,
      `${file}: line 6: the primary Card/ID number is also on line 2`,
      `${file}: line 7: the primary Card/ID number is already held by user dora`,
      `${file}: line 8: PIN refused: A PIN may not repeat one digit throughout, like 1111.`,
      'Nothing was imported: 6 bad rows.',
      '',
    ]);
    const after = await fx.cli.run(['users', 'list', '--json']);
    expect(after.stdout).toBe(before.stdout);
  });

  it('refuses a file with the wrong header, naming the expected one', async () => {
    const file = await csv('header.csv', ['user,name', 'mia,Mia']);
    const result = await fx.cli.run(['users', 'import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 1: the header must be exactly "username,name,email,primary_card,secondary_card,pin"');
    expect(result.stderr).toContain('Nothing was imported.');
  });

  it('reports a missing import file with exit 1', async () => {
    const result = await fx.cli.run(['users', 'import', path.join(fx.dir, 'absent.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot read .*absent\.csv: no such file/);
  });

  it('lists users as a tab-separated table', async () => {
    const result = await fx.cli.run(['users', 'list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('USERNAME\tNAME\tEMAIL\tPRIMARY\tSECONDARY\tPIN\tSTATUS');
    expect(lines).toContain('emil\temil\t\t0002\t0003\tnone\tactive');
    expect(lines).toHaveLength(5);
  });

  it('honours BADGEKIOSK_DATA_DIR when --data-dir is not given', async () => {
    const result = await fx.cli.run(['users', 'list', '--json'], { withDataDir: false, env: { BADGEKIOSK_DATA_DIR: fx.cli.dataDir } });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as ListedUser[]).map((u) => u.username)).toContain('alice');
    const other = await fx.cli.run(['users', 'list', '--json'], { withDataDir: false, env: { BADGEKIOSK_DATA_DIR: path.join(fx.dir, 'other') } });
    expect(JSON.parse(other.stdout)).toEqual([]);
  });

  it('lists a store larger than one page whole, in username order, and filters with --search', async () => {
    const rows = Array.from({ length: 5200 }, (_, i) => `bulk${String(i).padStart(4, '0')},Bulk ${i},,${900000 + i},,`);
    const file = await csv('bulk.csv', [HEADER, ...rows]);
    expect((await fx.cli.run(['users', 'import', file])).stdout).toBe('Imported 5200 users (0 with a PIN).\n');
    const users = await fx.cli.json<ListedUser[]>(['users', 'list', '--json']);
    expect(users).toHaveLength(5204);
    const bulk = users.filter((u) => u.username.startsWith('bulk')).map((u) => u.username);
    expect(bulk).toEqual([...bulk].sort());
    expect(new Set(bulk).size).toBe(5200);
    const found = await fx.cli.json<ListedUser[]>(['users', 'list', '--json', '--search', 'Bulk 1234']);
    expect(found.map((u) => u.username)).toEqual(['bulk1234']);
  });
});
