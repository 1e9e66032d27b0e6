import { useCliFixture, type CliResult } from '../../support/cliProcess.js';

// PINs long enough that no printed card number, id or time can contain one by chance.
const ALICE_PIN = '58203917';
const BOB_PIN = '61739428';
const BOB_NEW_PIN = '27461935';
const WRONG_PIN = '80516294';
const PINS = [ALICE_PIN, BOB_PIN, BOB_NEW_PIN, WRONG_PIN];

const HEADER = 'username,name,email,primary_card,secondary_card,pin';

interface AuditJson {
  kind: string;
  outcome: string;
  username: string | null;
  details: Record<string, unknown>;
}

const answer = (result: CliResult): { ok: boolean; code?: string; message?: string; user?: string } => JSON.parse(result.stdout);

describe('badgekiosk users unlock, disable, enable, pin-reset, delete and import - on a standalone kiosk', { timeout: 120_000 }, () => {
  const fx = useCliFixture({ secrets: PINS });
  const audit = (username: string) => fx.cli.json<AuditJson[]>(['audit', '--json', '--user', username]);

  beforeAll(async () => {
    for (const args of [
      ['--username', 'alice', '--name', 'Alice Archer', '--primary-card', '3001', '--secondary-card', '4001', '--pin', ALICE_PIN],
      ['--username', 'bob', '--primary-card', '3002', '--pin', BOB_PIN],
    ]) {
      expect((await fx.cli.run(['users', 'add', ...args])).code).toBe(0);
    }
  });

  it('users unlock lifts a lockout so the right PIN signs in again, audited as user.unlocked', async () => {
    expect((await fx.cli.run(['config', 'set', 'auth.max-failed-pin-attempts', '2'])).code).toBe(0);
    for (let i = 0; i < 2; i++) await fx.cli.run(['auth', '--card', '3001', '--pin', WRONG_PIN]);
    expect(answer(await fx.cli.run(['auth', '--card', '3001', '--pin', ALICE_PIN]))).toMatchObject({ ok: false, code: 'locked-out' });
    expect((await fx.cli.run(['users', 'show', 'alice'])).stdout).toMatch(/Status:\s+locked until/);

    expect(await fx.cli.run(['users', 'unlock', 'alice'])).toEqual({ code: 0, stdout: 'Unlocked alice: failed PIN attempts cleared.\n', stderr: '' });
    expect(await fx.cli.run(['auth', '--card', '3001', '--pin', ALICE_PIN])).toEqual({ code: 0, stdout: '{"ok":true,"user":"alice"}\n', stderr: '' });
    expect((await audit('alice')).find((event) => event.kind === 'user.unlocked')).toMatchObject({ outcome: 'success', details: { by: 'cli' } });

    const again = await fx.cli.run(['users', 'unlock', 'alice']);
    expect(again).toEqual({ code: 0, stdout: 'alice was not locked out and had no failed PIN attempts; nothing changed.\n', stderr: '' });
  });

  it('a disabled user is refused by auth; a typed ID with a wrong PIN gets the very answer of an unknown ID; enable restores sign-in', async () => {
    expect(await fx.cli.run(['users', 'disable', 'bob'])).toEqual({ code: 0, stdout: 'Disabled bob: no sign-in until `badgekiosk users enable bob`.\n', stderr: '' });
    expect((await fx.cli.run(['users', 'show', 'bob'])).stdout).toMatch(/Status:\s+disabled/);

    // The kiosk's pause between typed-ID tries has its own tests; here it would only refuse the next try.
    expect((await fx.cli.run(['config', 'set', 'auth.typed-id-max-delay-seconds', '0'])).code).toBe(0);
    const unknownId = await fx.cli.run(['auth', '--id', '999999', '--pin', WRONG_PIN]);
    const disabledId = await fx.cli.run(['auth', '--id', '3002', '--pin', WRONG_PIN]);
    expect(answer(unknownId)).toMatchObject({ ok: false, code: 'invalid-credentials' });
    expect(disabledId).toEqual(unknownId);

    // The right PIN, or a swiped card (possession of the badge), learns why (DESIGN §9).
    for (const args of [['--id', '3002', '--pin', BOB_PIN], ['--card', '3002', '--pin', BOB_PIN]]) {
      const refused = await fx.cli.run(['auth', ...args]);
      expect(refused.code).toBe(1);
      expect(answer(refused)).toMatchObject({ ok: false, code: 'user-disabled' });
    }
    expect(await fx.cli.run(['users', 'disable', 'bob'])).toMatchObject({ code: 0, stdout: 'bob is already disabled; nothing changed.\n' });

    expect(await fx.cli.run(['users', 'enable', 'bob'])).toEqual({ code: 0, stdout: 'Enabled bob.\n', stderr: '' });
    expect(await fx.cli.run(['auth', '--card', '3002', '--pin', BOB_PIN])).toMatchObject({ code: 0, stdout: '{"ok":true,"user":"bob"}\n' });
    const updates = (await audit('bob')).filter((event) => event.kind === 'user.update').map((event) => event.details);
    expect(updates).toEqual([{ fields: 'disabled', disabled: false, by: 'cli' }, { fields: 'disabled', disabled: true, by: 'cli' }]);
  });

  it('users pin-reset clears the PIN: auth answers pin-not-set and the user sets a new one by card', async () => {
    expect(await fx.cli.run(['users', 'pin-reset', 'bob'])).toEqual({
      code: 0, stdout: 'Cleared the PIN of bob: they set a new one at their next login after a card swipe.\n', stderr: '',
    });
    expect((await fx.cli.json<{ hasPin: boolean }>(['users', 'show', 'bob', '--json'])).hasPin).toBe(false);
    const old = await fx.cli.run(['auth', '--card', '3002', '--pin', BOB_PIN]);
    expect(old.code).toBe(1);
    expect(answer(old)).toMatchObject({ ok: false, code: 'pin-not-set' });
    expect(await fx.cli.run(['pin', 'set', '--card', '3002', '--new-pin', BOB_NEW_PIN])).toMatchObject({ code: 0, stdout: 'PIN set for bob.\n' });
    expect(await fx.cli.run(['auth', '--card', '3002', '--pin', BOB_NEW_PIN])).toMatchObject({ code: 0, stdout: '{"ok":true,"user":"bob"}\n' });
    expect((await audit('bob')).map((event) => event.kind)).toContain('pin.reset');
  });

  it('users delete removes the user, prints what went, and frees the Card/ID numbers for users add', async () => {
    expect(await fx.cli.run(['users', 'delete', 'alice'])).toEqual({
      code: 0, stdout: 'Deleted user alice (Alice Archer); Card/ID numbers 3001, 4001 free again.\n', stderr: '',
    });
    expect(await fx.cli.run(['users', 'show', 'alice'])).toEqual({ code: 1, stdout: '', stderr: 'No user "alice".\n' });
    expect(answer(await fx.cli.run(['auth', '--card', '3001', '--pin', ALICE_PIN]))).toMatchObject({ ok: false, code: 'unknown-card' });
    expect(await fx.cli.run(['users', 'add', '--username', 'carla', '--primary-card', '4001', '--secondary-card', '3001'])).toMatchObject({ code: 0 });
    expect((await fx.cli.json<{ primaryCard: string }>(['users', 'show', 'carla', '--json'])).primaryCard).toBe('4001');
    expect((await audit('alice')).find((event) => event.kind === 'user.delete')).toMatchObject({ outcome: 'success', details: { by: 'cli' } });
  });

  it('every one of them answers an unknown user with exit 1, changing nothing', async () => {
    const before = await fx.cli.run(['audit', '--json']);
    for (const action of ['unlock', 'disable', 'enable', 'pin-reset', 'delete']) {
      expect(await fx.cli.run(['users', action, 'nobody'])).toEqual({ code: 1, stdout: '', stderr: 'No user "nobody".\n' });
    }
    expect((await fx.cli.run(['audit', '--json'])).stdout).toBe(before.stdout);
  });

  it('bad arguments print the usage and exit 2', async () => {
    for (const args of [['users', 'delete'], ['users', 'unlock', 'a', 'b'], ['users', 'disable', '--yes', 'bob'], ['users', 'pin-reset', '']]) {
      const result = await fx.cli.run(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`Usage: badgekiosk ${args[0]} ${args[1]} USERNAME`));
    }
    expect((await fx.cli.run(['users', 'show', 'bob'])).stdout).toMatch(/Status:\s+active/);
  });

  it('users import - reads the CSV from standard input: all rows imported, or none with line-numbered reasons', async () => {
    const good = await fx.cli.run(['users', 'import', '-'], { input: [HEADER, 'dora,Dora D,,5001,,', 'emil,,,5002,5003,'].join('\n') + '\n' });
    expect(good).toEqual({ code: 0, stdout: 'Imported 2 users (0 with a PIN).\n', stderr: '' });
    expect((await fx.cli.json<{ secondaryCard: string }>(['users', 'show', 'emil', '--json'])).secondaryCard).toBe('5003');

    const bad = await fx.cli.run(['users', 'import', '-'], { input: [HEADER, 'finn,,,6001,,', 'gail,,,5001,,', 'hugo,,not-an-email,,,'].join('\n') + '\n' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^standard input: line 3: the primary Card\/ID number is already held by user dora$/m);
    expect(bad.stderr).not.toContain('5001');
    expect(bad.stderr).toMatch(/^standard input: line 4: .*email/m);
    expect(bad.stderr).toMatch(/Nothing was imported: 2 bad rows\.\n$/);
    expect(await fx.cli.run(['users', 'show', 'finn'])).toMatchObject({ code: 1 });

    const notCsv = await fx.cli.run(['users', 'import', '-'], { input: 'name,username\nx,y\n' });
    expect(notCsv).toMatchObject({ code: 1, stderr: expect.stringMatching(/^standard input: line 1: [\s\S]*Nothing was imported\.\n$/) });
  });
});
