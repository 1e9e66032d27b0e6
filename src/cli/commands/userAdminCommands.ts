import type { PublicUser } from '../../core/index.js';
import type { UserAdminAction, UserAdminChange } from '../../store/index.js';
import type { CliCommand } from '../cliCommand.js';
import { CLI_ACTOR } from '../cliKiosk.js';
import { parseOptions } from '../parseOptions.js';
import { withChangeAuthority } from '../changeAuthority.js';
import { printNoUser, usernameArgument } from '../users/usernameArgument.js';

function cardsOf(user: PublicUser): string[] {
  return [user.primaryCard, user.secondaryCard].filter((card): card is string => card !== null);
}

/**
 * One administrator's change to one user of a standalone kiosk, as the central store's admin API
 * offers it for enrolled kiosks: one transaction with its audit row (store.administerUser).
 */
function userAdminCommand(action: UserAdminAction, summary: string, report: (change: UserAdminChange) => string): CliCommand {
  return {
    path: ['users', action],
    summary,
    usage: `badgekiosk users ${action} USERNAME`,
    async run(ctx, argv) {
      const { positionals } = parseOptions(argv, {}, true);
      const username = usernameArgument(positionals);
      return withChangeAuthority(ctx, async (authority) => {
        const result =
          authority.kind === 'local' ? authority.kiosk.store.administerUser(username, action, CLI_ACTOR) : await authority.central.administer(username, action);
        if (!result.ok) return printNoUser(ctx, username);
        ctx.stdout.write(report(result.value) + '\n');
        return 0;
      });
    },
  };
}

export const usersUnlockCommand = userAdminCommand('unlock', 'Lift a lockout and clear the failed PIN count', ({ user, changed }) =>
  changed ? `Unlocked ${user.username}: failed PIN attempts cleared.` : `${user.username} was not locked out and had no failed PIN attempts; nothing changed.`,
);

export const usersDisableCommand = userAdminCommand('disable', 'Disable a user: no sign-in until enabled again', ({ user, changed }) =>
  changed ? `Disabled ${user.username}: no sign-in until \`badgekiosk users enable ${user.username}\`.` : `${user.username} is already disabled; nothing changed.`,
);

export const usersEnableCommand = userAdminCommand('enable', 'Enable a disabled user', ({ user, changed }) =>
  changed ? `Enabled ${user.username}.` : `${user.username} is already enabled; nothing changed.`,
);

export const usersPinResetCommand = userAdminCommand('pin-reset', 'Clear the PIN: the user sets a new one at the next login after a card swipe', ({ user, changed }) =>
  changed
    ? `Cleared the PIN of ${user.username}: they set a new one at their next login after a card swipe.`
    : `${user.username} has no PIN and no failed PIN attempts; nothing changed.`,
);

export const usersDeleteCommand = userAdminCommand('delete', 'Delete a user; their Card/ID numbers become free', ({ user }) => {
  const cards = cardsOf(user);
  const freed = cards.length === 0 ? 'they held no Card/ID number' : `Card/ID number${cards.length === 1 ? '' : 's'} ${cards.join(', ')} free again`;
  return `Deleted user ${user.username}${user.displayName && user.displayName !== user.username ? ` (${user.displayName})` : ''}; ${freed}.`;
});

export const userAdminCommands: readonly CliCommand[] = [usersUnlockCommand, usersDisableCommand, usersEnableCommand, usersPinResetCommand, usersDeleteCommand];
