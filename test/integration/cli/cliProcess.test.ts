import { existsSync } from 'node:fs';
import { useCliFixture } from '../../support/cliProcess.js';

// Every bad-argument case is covered in-process by test/unit/cli/cliArguments.test.ts; these check
// the real process's exit codes and streams.
describe('badgekiosk process: exit codes and streams', { timeout: 120_000 }, () => {
  const fx = useCliFixture();

  it('exits 2 with the message and usage on stderr for a bad option, creating no data directory', async () => {
    const result = await fx.cli.run(['users', 'add', '--username', 'a', '--colour', 'red']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Unknown option '--colour'[\s\S]*Usage: badgekiosk users add --username U/);
    expect(existsSync(fx.cli.dataDir)).toBe(false);
  });

  it('exits 2 with the help for no command, 0 for --help', async () => {
    const none = await fx.cli.run([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/^Usage: badgekiosk/);
    const help = await fx.cli.run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('  users import ');
  });
});
