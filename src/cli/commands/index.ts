import type { CliCommand } from '../cliCommand.js';
import { convertCommand } from './convertCommand.js';
import { decodeCommand } from './decodeCommand.js';
import { readersListCommand, readersWatchCommand } from './readersCommands.js';
import { simulateReaderCommand } from './simulateReaderCommand.js';
import { startCommand } from './startCommand.js';
import { wiegandCommand } from './wiegandCommand.js';

/**
 * Every command of `badgekiosk`. Each area keeps its commands in its own file under
 * src/cli/commands/ and adds one line here.
 */
export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  readersListCommand,
  readersWatchCommand,
  decodeCommand,
  convertCommand,
  wiegandCommand,
  simulateReaderCommand,
];
