import type { Writable } from 'node:stream';

export interface CliContext {
  /** From --data-dir, else BADGEKIOSK_DATA_DIR, else the OS's per-user app data folder. */
  readonly dataDir: string;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * One command of `badgekiosk`. `path` is the words that select it (`['users', 'add']`);
 * `run` gets the remaining argv and returns the exit code.
 * Exit codes: 0 success, 1 refused by a rule or failed, 2 bad arguments (usage printed).
 */
export interface CliCommand {
  readonly path: readonly string[];
  readonly summary: string;
  readonly usage: string;
  run(ctx: CliContext, argv: readonly string[]): Promise<number>;
}

/** Thrown by a command for bad arguments: the dispatcher prints the message and usage, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
