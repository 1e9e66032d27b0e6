import type { CliCommand } from '../cliCommand.js';
import { auditCommand } from './auditCommand.js';
import { authCommand } from './authCommand.js';
import { cardCommands } from './cardCommands.js';
import { centralAdminCreateCommand, centralServeCommand } from './centralCommands.js';
import { configCommands } from './configCommands.js';
import { directorySyncCommand, directoryTestCommand } from './directoryCommands.js';
import { convertCommand } from './convertCommand.js';
import { decodeCommand } from './decodeCommand.js';
import { pinCommands } from './pinCommands.js';
import { printJobCommands } from './printJobCommands.js';
import { printServerCommands } from './printServerCommands.js';
import { readerProfileExportCommand, readerProfileImportCommand } from './readerProfileCommands.js';
import { readersListCommand, readersWatchCommand } from './readersCommands.js';
import { simulateReaderCommand } from './simulateReaderCommand.js';
import { startCommand } from './startCommand.js';
import { kioskEnrollCommand, syncNowCommand, syncStatusCommand } from './syncCommands.js';
import { technicianPinClearCommand, technicianPinSetCommand } from './technicianCommands.js';
import { userAdminCommands } from './userAdminCommands.js';
import { usersCommands } from './usersCommands.js';
import { wiegandCommand } from './wiegandCommand.js';

/**
 * Every command of `badgekiosk`. Each area keeps its commands in its own file under
 * src/cli/commands/ and adds one line here.
 */
export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  ...usersCommands,
  ...userAdminCommands,
  ...configCommands,
  authCommand,
  ...pinCommands,
  ...cardCommands,
  auditCommand,
  centralServeCommand,
  centralAdminCreateCommand,
  directorySyncCommand, directoryTestCommand,
  kioskEnrollCommand,
  syncStatusCommand,
  syncNowCommand,
  readersListCommand,
  readersWatchCommand,
  decodeCommand,
  convertCommand,
  wiegandCommand,
  simulateReaderCommand,
  readerProfileExportCommand, readerProfileImportCommand,
  technicianPinSetCommand, technicianPinClearCommand,
  ...printServerCommands, ...printJobCommands,
];
