import type { CliCommand } from '../cliCommand.js';
import { readerProfileExportCommand, readerProfileImportCommand } from './readerProfileCommands.js';
import { startCommand } from './startCommand.js';
import { technicianPinClearCommand, technicianPinSetCommand } from './technicianCommands.js';

/**
 * Every command of `badgekiosk`. Each area keeps its commands in its own file under
 * src/cli/commands/ and adds one line here.
 */
export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  readerProfileExportCommand, readerProfileImportCommand,
  technicianPinSetCommand, technicianPinClearCommand,
];
