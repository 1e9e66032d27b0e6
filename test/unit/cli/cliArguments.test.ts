import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../../src/cli/runCli.js';

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(args: readonly string[]) {
  const stdout = new Collect();
  const stderr = new Collect();
  const code = await runCli(args, { stdout, stderr, env: {} });
  return { code, output: stdout.text + stderr.text };
}

describe('badgekiosk arguments: bad ones print usage and exit 2, touching nothing', () => {
  let temp: string;
  let dataDir: string;
  beforeAll(() => {
    temp = mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-args-'));
    dataDir = path.join(temp, 'data');
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  const cases: [string, string[], RegExp][] = [
    ['no command', [], /Usage: badgekiosk/],
    ['unknown command', ['frobnicate'], /Unknown command: frobnicate/],
    ['unknown users subcommand', ['users', 'remove'], /Unknown command: users remove/],
    ['users add without --username', ['users', 'add', '--name', 'A'], /Missing required option --username/],
    ['users add with an unknown option', ['users', 'add', '--username', 'a', '--colour', 'red'], /Unknown option '--colour'/],
    ['users import without a file', ['users', 'import'], /exactly one CSV file/],
    ['users import with two files', ['users', 'import', 'a.csv', 'b.csv'], /exactly one CSV file/],
    ['users show without a username', ['users', 'show'], /exactly one username/],
    ['users unlock without a username', ['users', 'unlock'], /exactly one username/],
    ['users delete with two usernames', ['users', 'delete', 'a', 'b'], /exactly one username/],
    ['users pin-reset with an empty username', ['users', 'pin-reset', ''], /exactly one username/],
    ['users disable with an unknown option', ['users', 'disable', '--yes', 'a'], /Unknown option '--yes'/],
    ['users enable without a username', ['users', 'enable'], /exactly one username/],
    ['users list with a stray word', ['users', 'list', 'everyone'], /Unexpected argument 'everyone'/],
    ['config get without a key', ['config', 'get'], /exactly one configuration key/],
    ['config set without a value', ['config', 'set', 'pin.min-length'], /a configuration key and a value/],
    ['auth without a credential', ['auth', '--pin', '2580'], /Missing --card C or --id C/],
    ['auth with both --card and --id', ['auth', '--card', '1', '--id', '1', '--pin', '2580'], /either --card or --id/],
    ['auth without --pin', ['auth', '--card', '1'], /Missing required option --pin/],
    ['auth with an empty card', ['auth', '--card', '', '--pin', '2580'], /--card needs a Card\/ID number/],
    ['pin change without --new-pin', ['pin', 'change', '--card', '1', '--pin', '2580'], /Missing required option --new-pin/],
    ['pin set without --new-pin', ['pin', 'set', '--card', '1'], /Missing required option --new-pin/],
    ['card regenerate without --pin', ['card', 'regenerate', '--id', '1'], /Missing required option --pin/],
    ['card set without --new-card', ['card', 'set', '--card', '1', '--pin', '2580'], /Missing required option --new-card/],
    ['audit with a bad --limit', ['audit', '--limit', 'many'], /--limit needs a positive whole number/],
    ['--data-dir without a folder', ['--data-dir'], /--data-dir needs a folder/],
  ];

  it.each(cases)('%s', async (_name, args, message) => {
    const result = await run(args[0] === '--data-dir' ? args : ['--data-dir', dataDir, ...args]);
    expect(result.code).toBe(2);
    expect(result.output).toMatch(message);
    expect(result.output).toMatch(/Usage: badgekiosk/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('lists every command in the help, exit 0 for --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['users add', 'users import', 'users list', 'users show', 'users unlock', 'users disable', 'users enable', 'users pin-reset', 'users delete', 'config list', 'config get', 'config set', 'auth', 'pin change', 'pin set', 'card regenerate', 'card set', 'audit']) {
      expect(result.output).toContain(`  ${command} `);
    }
  });

  it("prints one command's usage for --help after it", async () => {
    const result = await run(['card', 'set', '--help']);
    expect(result.code).toBe(0);
    expect(result.output).toContain('badgekiosk card set (--card C | --id C) --pin P --new-card N');
  });
});
