import { UsageError, type CliContext } from '../cliCommand.js';

/** The one USERNAME positional of `users show|unlock|disable|enable|delete|pin-reset`. */
export function usernameArgument(positionals: readonly string[]): string {
  if (positionals.length !== 1 || positionals[0] === '') throw new UsageError('Give exactly one username.');
  return positionals[0]!;
}

/** Unknown username: exit 1 with the same words from every command. */
export function printNoUser(ctx: Pick<CliContext, 'stderr'>, username: string): number {
  ctx.stderr.write(`No user "${username}".\n`);
  return 1;
}
