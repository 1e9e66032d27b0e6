import { DAILY_LIMIT_MESSAGE } from '../../../src/core/index.js';
import { useCliFixture, type CliResult } from '../../support/cliProcess.js';

// PINs long enough that no printed card number, id or time can contain one by chance.
const ALICE_PIN = '58203917';
const ALICE_NEW_PIN = '61739428';
const BOB_PIN = '27461935';
const CAROL_PIN = '94027316';
const DAVE_PIN = '37190482';
const WRONG_PIN = '80516294';
const PINS = [ALICE_PIN, ALICE_NEW_PIN, BOB_PIN, CAROL_PIN, DAVE_PIN, WRONG_PIN];

interface AuditJson {
  kind: string;
  outcome: string;
  username: string | null;
  code: string | null;
  details: Record<string, unknown>;
}

function authJson(result: CliResult): unknown {
  return JSON.parse(result.stdout);
}

describe('badgekiosk self-service commands enforce the kiosk rules', { timeout: 120_000 }, () => {
  const fx = useCliFixture({ secrets: PINS });
  const show = async (username: string) => fx.cli.json<{ primaryCard: string | null; secondaryCard: string | null }>(['users', 'show', username, '--json']);

  beforeAll(async () => {
    for (const args of [
      ['--username', 'alice', '--primary-card', '1001', '--secondary-card', '2001', '--pin', ALICE_PIN],
      ['--username', 'bob', '--primary-card', '1002'],
      ['--username', 'carol', '--primary-card', '1003', '--secondary-card', '2003', '--pin', CAROL_PIN],
      ['--username', 'dave', '--primary-card', '1004', '--pin', DAVE_PIN],
    ]) {
      expect((await fx.cli.run(['users', 'add', ...args])).code).toBe(0);
    }
  });

  it('auth by card or typed ID prints {"ok":true,"user":...} and exits 0', async () => {
    for (const flag of ['--card', '--id']) {
      const result = await fx.cli.run(['auth', flag, '1001', '--pin', ALICE_PIN]);
      expect(result.stdout).toBe('{"ok":true,"user":"alice"}\n');
      expect(result.code).toBe(0);
    }
  });

  it('auth refusals print {"ok":false,code,message} and exit 1', async () => {
    const wrong = await fx.cli.run(['auth', '--card', '2001', '--pin', WRONG_PIN]);
    expect(wrong.code).toBe(1);
    expect(authJson(wrong)).toMatchObject({ ok: false, code: 'wrong-pin' });
    const unknownCard = await fx.cli.run(['auth', '--card', '999999', '--pin', WRONG_PIN]);
    expect(authJson(unknownCard)).toMatchObject({ ok: false, code: 'unknown-card' });
    const unknownId = await fx.cli.run(['auth', '--id', '999999', '--pin', WRONG_PIN]);
    expect(authJson(unknownId)).toMatchObject({ ok: false, code: 'invalid-credentials' });
    const noPin = await fx.cli.run(['auth', '--card', '1002', '--pin', BOB_PIN]);
    expect(authJson(noPin)).toMatchObject({ ok: false, code: 'pin-not-set' });
    for (const result of [unknownCard, unknownId, noPin]) expect(result.code).toBe(1);
    for (const result of [wrong, unknownCard, unknownId, noPin]) expect((authJson(result) as { message: string }).message.length).toBeGreaterThan(10);
  });

  it('first PIN: refused after a typed ID (possession not proven), accepted after a card, then only once', async () => {
    const typed = await fx.cli.run(['pin', 'set', '--id', '1002', '--new-pin', BOB_PIN]);
    expect(typed.code).toBe(1);
    expect(typed.stderr).not.toBe('');
    const policy = await fx.cli.run(['pin', 'set', '--card', '1002', '--new-pin', '2222']);
    expect(policy.code).toBe(1);
    expect(policy.stderr).toBe('A PIN may not repeat one digit throughout, like 1111.\n');
    expect(await fx.cli.run(['pin', 'set', '--card', '1002', '--new-pin', BOB_PIN])).toEqual({ code: 0, stdout: 'PIN set for bob.\n', stderr: '' });
    expect((await fx.cli.run(['auth', '--card', '1002', '--pin', BOB_PIN])).code).toBe(0);
    const again = await fx.cli.run(['pin', 'set', '--card', '1002', '--new-pin', ALICE_PIN]);
    expect(again.code).toBe(1);
  });

  it('pin change needs the current PIN, applies the policy, and replaces the PIN', async () => {
    const wrongCurrent = await fx.cli.run(['pin', 'change', '--card', '1001', '--pin', WRONG_PIN, '--new-pin', ALICE_NEW_PIN]);
    expect(wrongCurrent.code).toBe(1);
    const run = await fx.cli.run(['pin', 'change', '--card', '1001', '--pin', ALICE_PIN, '--new-pin', '98765']);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'A PIN may not be a straight run of digits, like 1234 or 9876.\n' });
    const same = await fx.cli.run(['pin', 'change', '--card', '1001', '--pin', ALICE_PIN, '--new-pin', ALICE_PIN]);
    expect(same.stderr).toBe('The new PIN must differ from your current PIN.\n');
    expect(await fx.cli.run(['pin', 'change', '--card', '1001', '--pin', ALICE_PIN, '--new-pin', ALICE_NEW_PIN])).toEqual({ code: 0, stdout: 'PIN changed.\n', stderr: '' });
    expect((await fx.cli.run(['auth', '--card', '1001', '--pin', ALICE_PIN])).code).toBe(1);
    expect((await fx.cli.run(['auth', '--card', '1001', '--pin', ALICE_NEW_PIN])).code).toBe(0);
  });

  it('reads PINs given as - from standard input, one line each, so they stay out of the process list', async () => {
    const auth = await fx.cli.run(['auth', '--card', '1001', '--pin', '-'], { input: `${ALICE_NEW_PIN}\n` });
    expect(auth).toEqual({ code: 0, stdout: '{"ok":true,"user":"alice"}\n', stderr: '' });
    const change = await fx.cli.run(['pin', 'change', '--card', '1001', '--pin', '-', '--new-pin', '-'], { input: `${ALICE_NEW_PIN}\n${ALICE_PIN}\n` });
    expect(change).toEqual({ code: 0, stdout: 'PIN changed.\n', stderr: '' });
    const back = await fx.cli.run(['pin', 'change', '--card', '1001', '--pin', ALICE_PIN, '--new-pin', '-'], { input: `${ALICE_NEW_PIN}\r\n` });
    expect(back.code).toBe(0);
    const empty = await fx.cli.run(['auth', '--card', '1001', '--pin', '-']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^No PIN on standard input\./);
  });

  it('card regenerate changes the primary number 3 times a day; the 4th gets the exact message', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await fx.cli.run(['card', 'regenerate', '--card', '2001', '--pin', ALICE_NEW_PIN]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^[1-9]\d{7}\n$/);
      numbers.push(result.stdout.trim());
    }
    expect(new Set(numbers).size).toBe(3);
    expect(await show('alice')).toMatchObject({ primaryCard: numbers[2], secondaryCard: '2001' });
    const fourth = await fx.cli.run(['card', 'regenerate', '--card', '2001', '--pin', ALICE_NEW_PIN]);
    expect(fourth).toEqual({ code: 1, stdout: '', stderr: `${DAILY_LIMIT_MESSAGE}\n` });
    expect((await show('alice')).primaryCard).toBe(numbers[2]);
    expect((await fx.cli.run(['auth', '--card', numbers[2]!, '--pin', ALICE_NEW_PIN])).code).toBe(0);
  });

  it('takes the daily limit from user.can-change-card-id.num-times-per-day', async () => {
    expect((await fx.cli.run(['config', 'set', 'user.can-change-card-id.num-times-per-day', '4'])).code).toBe(0);
    expect((await fx.cli.run(['card', 'regenerate', '--card', '2001', '--pin', ALICE_NEW_PIN])).code).toBe(0);
    const fifth = await fx.cli.run(['card', 'regenerate', '--card', '2001', '--pin', ALICE_NEW_PIN]);
    expect(fifth.stderr).toBe(`${DAILY_LIMIT_MESSAGE}\n`);
  });

  it('changes only the field user.change-card-id.which names', async () => {
    expect((await fx.cli.run(['config', 'set', 'user.change-card-id.which', 'secondary'])).code).toBe(0);
    const result = await fx.cli.run(['card', 'regenerate', '--card', '1003', '--pin', CAROL_PIN]);
    expect(result.code).toBe(0);
    expect(await show('carol')).toEqual(expect.objectContaining({ primaryCard: '1003', secondaryCard: result.stdout.trim() }));
  });

  it('card set is refused while numbers are generate-only, then accepts a unique typed number', async () => {
    const refused = await fx.cli.run(['card', 'set', '--card', '1003', '--pin', CAROL_PIN, '--new-card', '55501']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).not.toBe('');
    expect((await fx.cli.run(['config', 'set', 'user.change-card-id.auto-generate-only', 'false'])).code).toBe(0);
    const inUse = await fx.cli.run(['card', 'set', '--card', '1003', '--pin', CAROL_PIN, '--new-card', '1004']);
    expect(inUse.code).toBe(1);
    const letters = await fx.cli.run(['card', 'set', '--card', '1003', '--pin', CAROL_PIN, '--new-card', '55A01']);
    expect(letters.stderr).toBe('A Card/ID number may contain digits only.\n');
    const set = await fx.cli.run(['card', 'set', '--card', '1003', '--pin', CAROL_PIN, '--new-card', '55501']);
    expect(set).toEqual({ code: 0, stdout: 'secondary Card/ID number is now 55501.\n', stderr: '' });
    expect(await show('carol')).toMatchObject({ primaryCard: '1003', secondaryCard: '55501' });
  });

  it('locks a user out after auth.max-failed-pin-attempts wrong PINs, even for the right PIN', async () => {
    expect((await fx.cli.run(['config', 'set', 'auth.max-failed-pin-attempts', '3'])).code).toBe(0);
    for (let i = 0; i < 3; i++) await fx.cli.run(['auth', '--card', '1004', '--pin', WRONG_PIN]);
    const locked = await fx.cli.run(['auth', '--card', '1004', '--pin', DAVE_PIN]);
    expect(locked.code).toBe(1);
    expect(authJson(locked)).toMatchObject({ ok: false, code: 'locked-out' });
    const regenerate = await fx.cli.run(['card', 'regenerate', '--card', '1004', '--pin', DAVE_PIN]);
    expect(regenerate.code).toBe(1);
    expect(regenerate.stdout).toBe('');
  });

  it('audit lists every attempt and change for a user, newest first, without PINs or hashes', async () => {
    const events = await fx.cli.json<AuditJson[]>(['audit', '--json', '--user', 'alice']);
    const kinds = events.map((event) => event.kind);
    expect(kinds).toContain('auth.card');
    expect(kinds).toContain('auth.id');
    expect(kinds).toContain('pin.change');
    expect(kinds).toContain('card.regenerate');
    expect(kinds.at(-1)).toBe('user.add');
    expect(events.every((event) => event.username === 'alice')).toBe(true);
    expect(events.find((event) => event.code === 'daily-limit')).toMatchObject({ kind: 'card.regenerate', outcome: 'failure' });
    // Cards and typed IDs masked alike, even 4-digit ones (alice's are 1001 and 2001): never the whole number.
    const seen = events.map((event) => JSON.stringify(event)).join('\n');
    expect(seen).toContain('"card":"…01"');
    expect(seen).not.toMatch(/"card":"(1001|2001)"/);
    const text = await fx.cli.run(['audit', '--limit', '3']);
    expect(text.code).toBe(0);
    expect(text.stdout.trimEnd().split('\n')).toHaveLength(4);
    expect(text.stdout.split('\n')[0]).toBe('TIME\tKIND\tOUTCOME\tUSER\tKIOSK\tCODE\tDETAILS');
  });
});
