import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
const bin = path.join(repoRoot, 'bin', 'badgekiosk');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real `./bin/badgekiosk` (dist/, rebuilt by the global setup) and remembers every
 * output, so a test file can check at the end that no PIN or hash was ever printed.
 */
export class CliRunner {
  readonly outputs: string[] = [];

  constructor(readonly dataDir: string) {}

  /** `input` is written to the process's standard input, which is then closed (also when there is none). */
  run(args: readonly string[], options: { env?: NodeJS.ProcessEnv; withDataDir?: boolean; input?: string } = {}): Promise<CliResult> {
    const argv = options.withDataDir === false ? [...args] : ['--data-dir', this.dataDir, ...args];
    const env = { ...process.env, BADGEKIOSK_DATA_DIR: '', ...options.env };
    return new Promise((resolve, reject) => {
      const child = execFile(process.execPath, [bin, ...argv], { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : NaN) : 0;
        if (Number.isNaN(code)) return reject(error);
        this.outputs.push(stdout, stderr);
        resolve({ code, stdout, stderr });
      });
      child.stdin?.end(options.input ?? '');
    });
  }

  /** Parses stdout as JSON after checking the command succeeded. */
  async json<T>(args: readonly string[]): Promise<T> {
    const result = await this.run(args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as T;
  }
}

export interface CliFixture {
  /** A temp folder for the test file's own files (CSV files); the data directory is `cli.dataDir`. */
  readonly dir: string;
  readonly cli: CliRunner;
}

/**
 * Registers beforeAll/afterAll for a test file: a temp folder with a fresh data directory, removed
 * afterwards. `secrets` (the PINs the file uses) must never appear in anything the CLI printed, nor
 * any PIN hash: checked after the file's last test, whatever the tests did.
 */
export function useCliFixture(options: { readonly secrets?: readonly string[] } = {}): CliFixture {
  const fixture = {} as { dir: string; cli: CliRunner };
  beforeAll(async () => {
    fixture.dir = await mkdtemp(path.join(os.tmpdir(), 'badgekiosk-cli-'));
    fixture.cli = new CliRunner(path.join(fixture.dir, 'data'));
  });
  afterAll(async () => {
    const everything = fixture.cli.outputs.join('\n');
    await rm(fixture.dir, { recursive: true, force: true });
    for (const secret of options.secrets ?? []) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('$argon2');
  });
  return fixture;
}
