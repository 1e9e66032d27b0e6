import { allConfigKeys } from '../../../src/core/index.js';
import { useCliFixture } from '../../support/cliProcess.js';

interface ConfigRow {
  name: string;
  value: unknown;
  default: unknown;
  range: string;
  description: string;
}

describe('badgekiosk config', { timeout: 120_000 }, () => {
  const fx = useCliFixture();

  it('lists every registry key with value, default, range and description', async () => {
    const rows = await fx.cli.json<ConfigRow[]>(['config', 'list', '--json']);
    expect(rows.map((row) => row.name)).toEqual(allConfigKeys().map((key) => key.name));
    expect(rows.find((row) => row.name === 'user.can-change-card-id.num-times-per-day')).toEqual({
      name: 'user.can-change-card-id.num-times-per-day',
      value: 3,
      default: 3,
      range: 'an integer from 0 to 100',
      description: 'How many Card/ID number changes a user may make per site calendar day, counted across all kiosks.',
    });
    const text = await fx.cli.run(['config', 'list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('pin.min-length');
    expect(text.stdout).toContain('default 4; an integer from 4 to 12');
  });

  it('sets a value, reads it back, and marks it as changed in the list', async () => {
    const set = await fx.cli.run(['config', 'set', 'user.can-change-card-id.num-times-per-day', '5']);
    expect(set).toEqual({ code: 0, stdout: 'user.can-change-card-id.num-times-per-day = 5\n', stderr: '' });
    expect(await fx.cli.run(['config', 'get', 'user.can-change-card-id.num-times-per-day'])).toEqual({ code: 0, stdout: '5\n', stderr: '' });
    expect((await fx.cli.run(['config', 'list'])).stdout).toMatch(/user\.can-change-card-id\.num-times-per-day\s+5 \*/);
    await fx.cli.run(['config', 'set', 'site.timezone', 'Europe/Berlin']);
    expect((await fx.cli.run(['config', 'get', 'site.timezone'])).stdout).toBe('Europe/Berlin\n');
  });

  it('refuses a value out of range with a message naming the key and the range, changing nothing', async () => {
    const refused = await fx.cli.run(['config', 'set', 'user.can-change-card-id.num-times-per-day', '101']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('Invalid value "101" for user.can-change-card-id.num-times-per-day: expected an integer from 0 to 100.\n');
    expect((await fx.cli.run(['config', 'get', 'user.can-change-card-id.num-times-per-day'])).stdout).toBe('5\n');
    const badEnum = await fx.cli.run(['config', 'set', 'user.change-card-id.which', 'both']);
    expect(badEnum.stderr).toContain('expected one of primary, secondary');
  });

  it('refuses a PIN length range that would cross the other bound', async () => {
    const refused = await fx.cli.run(['config', 'set', 'pin.min-length', '9']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('pin.min-length must be at most pin.max-length');
  });

  it('refuses unknown keys for get and set', async () => {
    for (const args of [['config', 'get', 'pin.colour'], ['config', 'set', 'pin.colour', 'blue']]) {
      const result = await fx.cli.run(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Unknown configuration key "pin.colour"');
    }
  });

  it('takes a negative value as a value, refused by the key\'s range (not as an unknown option)', async () => {
    const refused = await fx.cli.run(['config', 'set', 'user.can-change-card-id.num-times-per-day', '-1']);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Invalid value "-1" for user.can-change-card-id.num-times-per-day: expected an integer from 0 to 100.\n',
    });
    expect((await fx.cli.run(['config', 'set', '--', 'kiosk.idle-timeout-seconds', '45'])).stdout).toBe('kiosk.idle-timeout-seconds = 45\n');
  });

  it('suggests the key a misspelled name most likely meant', async () => {
    const typo = await fx.cli.run(['config', 'set', 'pin.min-lenght', '5']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/Unknown configuration key "pin\.min-lenght".* Did you mean pin\.min-length\?\n$/);
    expect((await fx.cli.run(['config', 'get', 'default-language'])).stderr).toContain('Did you mean kiosk.default-language?');
    expect((await fx.cli.run(['config', 'get', 'printer.colour'])).stderr).not.toContain('Did you mean');
  });

  it('marks only changed keys with *: an unset technician PIN hash is its default', async () => {
    const list = (await fx.cli.run(['config', 'list'])).stdout;
    expect(list).toMatch(/technician\.pin-hash\s+\(not set\)\n/);
    expect(list).toMatch(/kiosk\.idle-timeout-seconds\s+45 \*\n/);
  });
});
