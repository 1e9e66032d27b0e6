import type { CliCommand } from '../cliCommand.js';
import { auditCommand } from './auditCommand.js';
import { authCommand } from './authCommand.js';
import { cardCommands } from './cardCommands.js';
import { centralAdminCreateCommand, centralServeCommand } from './centralCommands.js';
import { configCommands } from './configCommands.js';
import { pinCommands } from './pinCommands.js';
import { readerProfileExportCommand, readerProfileImportCommand } from './readerProfileCommands.js';
import { startCommand } from './startCommand.js';
import { kioskEnrollCommand, syncNowCommand, syncStatusCommand } from './syncCommands.js';
import { technicianPinClearCommand, technicianPinSetCommand } from './technicianCommands.js';
import { usersCommands } from './usersCommands.js';

/**
 * Every command of `badgekiosk`. Each area keeps its commands in its own file under
 * src/cli/commands/ and adds one line here.
 */
export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  ...usersCommands,
  ...configCommands,
  authCommand,
  ...pinCommands,
  ...cardCommands,
  auditCommand,
  centralServeCommand,
  centralAdminCreateCommand,
  kioskEnrollCommand,
  syncStatusCommand,
  syncNowCommand,
  readerProfileExportCommand, readerProfileImportCommand,
  technicianPinSetCommand, technicianPinClearCommand,
];
