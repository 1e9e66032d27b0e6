import type { CliCommand } from '../cliCommand.js';
import { centralAdminCreateCommand, centralServeCommand } from './centralCommands.js';
import { startCommand } from './startCommand.js';
import { kioskEnrollCommand, syncNowCommand, syncStatusCommand } from './syncCommands.js';

/**
 * Every command of `badgekiosk`. Each area keeps its commands in its own file under
 * src/cli/commands/ and adds one line here.
 */
export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  centralServeCommand,
  centralAdminCreateCommand,
  kioskEnrollCommand,
  syncStatusCommand,
  syncNowCommand,
];
