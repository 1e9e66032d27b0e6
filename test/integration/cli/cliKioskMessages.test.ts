import { en } from '../../../renderer/kiosk/i18n/en.js';
import { useCliFixture } from '../../support/cliProcess.js';

const PIN = '58203917';
const WRONG_PIN = '80516294';

/**
 * Issue 15 item 13: the README says the CLI and the kiosk share every message. The real CLI, in
 * the situations the kiosk also meets, must print the sentence the kiosk's English catalogue shows.
 */
describe('the CLI says what the kiosk shows, in the same situations', { timeout: 120_000 }, () => {
  const fx = useCliFixture({ secrets: [PIN, WRONG_PIN] });
  let min: number;
  let max: number;

  beforeAll(async () => {
    expect((await fx.cli.run(['users', 'add', '--username', 'alice', '--primary-card', '0012345', '--secondary-card', '777', '--pin', PIN])).code).toBe(0);
    min = Number((await fx.cli.run(['config', 'get', 'pin.min-length'])).stdout);
    max = Number((await fx.cli.run(['config', 'get', 'pin.max-length'])).stdout);
  });

  it('a new PIN against the PIN policy, rule by rule', async () => {
    const refusal = async (newPin: string) => {
      const result = await fx.cli.run(['pin', 'change', '--card', '0012345', '--pin', PIN, '--new-pin', newPin]);
      expect(result.code).toBe(1);
      return result.stderr;
    };
    expect(await refusal('12a4')).toBe(`${en['pinPolicy.digits']}\n`);
    expect(await refusal('25')).toBe(`${en['pinPolicy.length'](min, max)}\n`);
    expect(await refusal('2'.repeat(max + 1))).toBe(`${en['pinPolicy.length'](min, max)}\n`);
    expect(await refusal('1111')).toBe(`${en['pinPolicy.allSame']}\n`);
    expect(await refusal('9876')).toBe(`${en['pinPolicy.sequence']}\n`);
    expect(await refusal(PIN)).toBe(`${en['pinPolicy.reuse']}\n`);
    // Adding a user checks the same policy, in the same words.
    const added = await fx.cli.run(['users', 'add', '--username', 'bob', '--primary-card', '0012346', '--pin', '4321']);
    expect(added).toMatchObject({ code: 1, stderr: `User not added: PIN refused: ${en['pinPolicy.sequence']}\n` });
  });

  it('a typed ID refused (unknown, or a wrong PIN), and a disabled account', async () => {
    for (const [id, pin] of [['999', PIN], ['777', WRONG_PIN]]) {
      let answer: { code: string; message: string };
      // After a typed-ID failure the kiosk pauses typed IDs (1 s, then 2 s …); the CLI says so in the kiosk's words.
      for (;;) {
        const result = await fx.cli.run(['auth', '--id', id!, '--pin', pin!]);
        expect(result.code).toBe(1);
        answer = JSON.parse(result.stdout);
        if (answer.code !== 'typed-id-wait') break;
        const seconds = Number(/(\d+) seconds?/.exec(answer.message)?.[1]);
        expect(answer.message).toBe(en['error.typedIdWait.body'](seconds));
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      }
      expect(answer).toMatchObject({ ok: false, code: 'invalid-credentials', message: en['error.invalidCredentials.body'] });
    }
    expect((await fx.cli.run(['users', 'disable', 'alice'])).code).toBe(0);
    const disabled = await fx.cli.run(['auth', '--card', '0012345', '--pin', PIN]);
    expect(JSON.parse(disabled.stdout)).toMatchObject({ ok: false, code: 'user-disabled', message: en['error.disabled.body'] });
  });
});
