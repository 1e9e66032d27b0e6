import { loadReportFixture } from '../../support/devicesFixtures.js';
import { RunningCli, runCli } from '../../support/devicesCli.js';
import { SocatPtyPair } from '../../support/devicesPty.js';

const count = (text: string, needle: string) => text.split(needle).length - 1;
const fixtureHex = (name: string) => loadReportFixture(name).map((r) => Buffer.from(r.bytes).toString('hex')).join(' ');

describe('badgekiosk convert', () => {
  it('prints the converted value (UID-01 reversed, as decimal)', async () => {
    expect(await runCli(['convert', '--pipeline', 'reverse-bytes|hex2dec|pad:10', '26DEFAE7'])).toEqual({ code: 0, stdout: '3891977766\n', stderr: '' });
  });

  it('exits 1 naming the failing step when the value cannot be converted', async () => {
    const result = await runCli(['convert', '--pipeline', 'hex|hex2dec', 'not-hex']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('step 1 (hex): expected hexadecimal digits');
  });

  it('refuses the facility field of h10302 (it has none) as a bad argument, exit 2', async () => {
    const result = await runCli(['convert', '--pipeline', 'wiegand:h10302:facility', '35BFB8386A']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('step 1 (wiegand:h10302:facility): h10302 has no facility field');
  });

  it('refuses a bad pipeline as a bad argument: the step, the reason and the usage, exit 2', async () => {
    const result = await runCli(['convert', '--pipeline', 'hex|pad:x', '12']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('step 2 (pad:x): pad needs a width from 1 to 64');
    expect(result.stderr).toContain('Usage: badgekiosk convert');
  });
});

describe('badgekiosk decode', () => {
  it('EM-10: prints one card number per line and reports skipped noise without failing', async () => {
    const hex = 'FF 00 02 30 31 30 30 36 33 45 39 41 45 32 35 03 02 31 30 30 30 38 36 46 34 34 34 32 36 03';
    const result = await runCli(['decode', '--preset', 'rdm6300', '--hex', hex]);
    expect(result).toEqual({ code: 0, stdout: '0006547886\n0008844356\n', stderr: 'skipped 2 byte(s) outside any frame: FF 00\n' });
  });

  it('EM-07: a bad checksum goes to stderr with its reason and the exit code is 1', async () => {
    const result = await runCli(['decode', '--preset', 'rdm6300', '--hex', '02 31 30 30 30 32 36 46 34 34 34 32 36 03 02 30 31 30 30 36 33 45 39 41 45 32 35 03']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('0006547886\n');
    expect(result.stderr).toBe('rejected: checksum mismatch: frame says 26, bytes give 86 (frame: 02 31 30 30 30 32 36 46 34 34 34 32 36 03)\n');
  });

  it('S-01: twn4-cdc bytes give the upper-case UID', async () => {
    expect(await runCli(['decode', '--preset', 'twn4-cdc', '--hex', '30 34 41 32 33 43 31 41 0D'])).toMatchObject({ code: 0, stdout: '04A23C1A\n' });
  });

  it('K-01 and K-02: hid-keyboard decodes concatenated boot reports', async () => {
    expect(await runCli(['decode', '--preset', 'hid-keyboard', '--hex', fixtureHex('k01-boot-decimal.jsonl')])).toMatchObject({ code: 0, stdout: '0006547886\n' });
    expect(await runCli(['decode', '--preset', 'hid-keyboard', '--hex', fixtureHex('k02-boot-shift-hex.jsonl')])).toMatchObject({ code: 0, stdout: '04A23C1A\n' });
  });

  it('--report-size 9 reads reports that start with a report ID', async () => {
    const result = await runCli(['decode', '--preset', 'hid-keyboard', '--report-size', '9', '--hex', fixtureHex('k03-report-id-keypad.jsonl')]);
    expect(result).toMatchObject({ code: 0, stdout: '123456\n' });
  });

  it('applies --pipeline to each record', async () => {
    const result = await runCli(['decode', '--preset', 'line', '--pipeline', 'substr:2|hex2dec', '--hex', '37 42 31 31 44 37 0D']);
    expect(result).toMatchObject({ code: 0, stdout: '4567\n' });
  });

  it.each([
    [['decode', '--hex', '02 03'], 'Missing required option --preset'],
    [['decode', '--preset', 'rdm6300', '--hex', '02 3G'], '--hex must be pairs of hexadecimal digits'],
    [['decode', '--preset', 'magstripe', '--hex', '02'], 'Unknown preset "magstripe"'],
    [['decode', '--preset', 'hid-keyboard', '--report-size', '7', '--hex', '00'], '--report-size must be 8'],
  ])('bad arguments %j: message and usage, exit 2', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: badgekiosk decode');
  });
});

describe('badgekiosk wiegand', () => {
  it('WG-02 as bits and as its raw proxmark value give FC 123 CN 4567', async () => {
    const expected = '{"format":"h10301","facility":123,"card":4567}\n';
    expect(await runCli(['wiegand', '--format', 'h10301', '--bits', '10111101100010001110101110'])).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(await runCli(['wiegand', '--format', 'h10301', '--hex', '2006F623AE', '--length', '26'])).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it('Corporate 1000 2E0EC00C87 is company 118, card 1603', async () => {
    expect((await runCli(['wiegand', '--format', 'c1k35', '--hex', '2e0ec00c87', '--length', '35'])).stdout).toBe('{"format":"c1k35","facility":118,"card":1603}\n');
  });

  it('H10302 has no facility code: facility is null, card 12345678901 from bits and from the raw value', async () => {
    const expected = '{"format":"h10302","facility":null,"card":12345678901}\n';
    expect(await runCli(['wiegand', '--format', 'h10302', '--bits', '1010110111111101110000011100001101010'])).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(await runCli(['wiegand', '--format', 'h10302', '--hex', '35BFB8386A', '--length', '37'])).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it('H10302 with its odd parity bit 36 flipped exits 1 naming that bit', async () => {
    const result = await runCli(['wiegand', '--format', 'h10302', '--hex', '35BFB8386B', '--length', '37']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'wiegand: h10302 parity invalid: odd parity bit at position 36 does not match\n' });
  });

  it('WG-14: a parity failure exits 1 with a clear message', async () => {
    const result = await runCli(['wiegand', '--format', 'h10301', '--bits', '10010101001000000010001010']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'wiegand: h10301 parity invalid: even parity bit at position 0 does not match\n' });
  });

  it.each([
    [['wiegand', '--format', 'h10301'], 'Give either --bits or --hex'],
    [['wiegand', '--format', 'h10301', '--bits', '1012'], '--bits must be 0s and 1s only'],
    [['wiegand', '--format', 'h10301', '--hex', '2006F623AE'], 'Missing required option --length'],
    [['wiegand', '--format', 'w26', '--bits', '1'], 'Unknown format "w26"'],
  ])('bad arguments %j exit 2', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('badgekiosk readers list', () => {
  it('--json lists this machine as JSON', async () => {
    const result = await runCli(['readers', 'list', '--json']);
    expect(result.code).toBe(0);
    const listing = JSON.parse(result.stdout) as { devices: unknown[]; warnings: unknown[] };
    expect(Array.isArray(listing.devices)).toBe(true);
    expect(listing.warnings).toEqual([]);
  });
});

describe('badgekiosk readers watch with simulate-reader on a socat pty pair', () => {
  let pair: SocatPtyPair;
  afterEach(async () => {
    await pair?.dispose();
  });

  it('prints each swipe once, reports unplug and replug on stderr, and keeps reading', async () => {
    pair = await SocatPtyPair.start();
    const watch = new RunningCli(['readers', 'watch', '--preset', 'rdm6300', '--port', pair.appPath]);
    try {
      await watch.waitFor((o) => o.stderr.includes(': connected'), 'connected');
      // A card held on the reader: three frames, one swipe.
      const sim = await runCli(['simulate-reader', '--preset', 'rdm6300', '--port', pair.readerPath, '--card', '010063E9AE', '--repeat', '3', '--interval', '20']);
      expect(sim).toMatchObject({ code: 0, stdout: 'sent 02 30 31 30 30 36 33 45 39 41 45 32 35 03\n'.repeat(3) });
      await watch.waitFor((o) => o.stdout.includes('0006547886\n'), 'the card number');

      await pair.stop();
      await watch.waitFor((o) => o.stderr.includes(': disconnected'), 'disconnected');
      await pair.start();
      await watch.waitFor((o) => count(o.stderr, ': connected') === 2, 'reconnected');
      await runCli(['simulate-reader', '--preset', 'rdm6300', '--port', pair.readerPath, '--card', '0C000621A5']);
      await watch.waitFor((o) => o.stdout.includes('0000401829\n'), 'the second card');
      expect(watch.stdout).toBe('0006547886\n0000401829\n');
    } finally {
      expect(await watch.stop()).toBe(0);
    }
  });

  it('watch refuses a bad reader configuration with exit 2', async () => {
    const result = await runCli(['readers', 'watch', '--preset', 'rdm6300', '--port', '/dev/null', '--pipeline', 'hex2dec|pad:0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pipeline step 2 (pad:0)');
  });

  it('simulate-reader refuses hid-keyboard (exit 2) and reports a port it cannot open (exit 1)', async () => {
    const hid = await runCli(['simulate-reader', '--preset', 'hid-keyboard', '--port', '/dev/null', '--card', '1234']);
    expect(hid.code).toBe(2);
    expect(hid.stderr).toContain('hid-keyboard readers cannot be simulated');
    const missing = await runCli(['simulate-reader', '--preset', 'line', '--port', '/nonexistent/tty', '--card', '1234']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot open /nonexistent/tty');
  });
});
