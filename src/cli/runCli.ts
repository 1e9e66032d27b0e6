import path from 'node:path';
import { COMMANDS } from './commands/index.js';
import { UsageError, type CliCommand, type CliContext } from './cliCommand.js';
import { defaultDataDir } from './dataDir.js';

function helpText(): string {
  const lines = ['Usage: badgekiosk [--data-dir DIR] <command> [options]', '', 'Commands:'];
  for (const command of COMMANDS) lines.push(`  ${command.path.join(' ').padEnd(26)} ${command.summary}`);
  lines.push('', 'Data directory: --data-dir, else $BADGEKIOSK_DATA_DIR, else the per-user app data folder.');
  lines.push('A PIN option given as - (--pin -) is read from standard input, keeping it out of the process list.');
  lines.push('Exit codes: 0 success, 1 refused or failed, 2 bad arguments.');
  return lines.join('\n') + '\n';
}

/** Longest command path that prefixes argv wins (`users import` before `users`). */
function findCommand(argv: readonly string[]): CliCommand | undefined {
  let best: CliCommand | undefined;
  for (const command of COMMANDS) {
    const matches = command.path.every((word, i) => argv[i] === word);
    if (matches && (!best || command.path.length > best.path.length)) best = command;
  }
  return best;
}

/** Runs one `badgekiosk` invocation and returns its exit code (0 success, 1 refused or failed, 2 bad arguments). */
export async function runCli(rawArgv: readonly string[], io: Pick<CliContext, 'stdout' | 'stderr' | 'env'>): Promise<number> {
  const argv = [...rawArgv];
  let dataDirFlag: string | undefined;
  const at = argv.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='));
  if (at >= 0) {
    const arg = argv[at]!;
    if (arg.includes('=')) {
      dataDirFlag = arg.slice(arg.indexOf('=') + 1);
      argv.splice(at, 1);
    } else {
      dataDirFlag = argv[at + 1];
      argv.splice(at, 2);
    }
    if (!dataDirFlag) {
      io.stderr.write('--data-dir needs a folder.\n\n' + helpText());
      return 2;
    }
  }
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.stdout.write(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const command = findCommand(argv);
  if (!command) {
    io.stderr.write(`Unknown command: ${argv.slice(0, 2).join(' ')}\n\n` + helpText());
    return 2;
  }
  const rest = argv.slice(command.path.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
    return 0;
  }
  const ctx: CliContext = { ...io, dataDir: path.resolve(dataDirFlag ?? defaultDataDir(io.env)) };
  try {
    return await command.run(ctx, rest);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    io.stderr.write(`badgekiosk: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
