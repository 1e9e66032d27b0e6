import type { PublicUser } from '../../core/index.js';

/**
 * How users leave the CLI. Only PublicUser ever reaches these functions, so a PIN hash cannot be
 * printed by mistake: the type has no field for it.
 */

export function userJson(user: PublicUser): string {
  return JSON.stringify(user);
}

function when(epochMs: number | null): string {
  return epochMs === null ? '' : new Date(epochMs).toISOString();
}

function status(user: PublicUser, now: number): string {
  if (user.disabled) return 'disabled';
  if (user.lockedUntil !== null && user.lockedUntil > now) return `locked until ${when(user.lockedUntil)}`;
  return 'active';
}

const LIST_COLUMNS = ['USERNAME', 'NAME', 'EMAIL', 'PRIMARY', 'SECONDARY', 'PIN', 'STATUS'] as const;

/** One tab-separated line per user, so `cut -f` and spreadsheets read it. */
export function userListHeader(): string {
  return LIST_COLUMNS.join('\t');
}

export function userListLine(user: PublicUser, now: number): string {
  return [
    user.username,
    user.displayName,
    user.email,
    user.primaryCard ?? '',
    user.secondaryCard ?? '',
    user.hasPin ? 'set' : 'none',
    status(user, now),
  ].join('\t');
}

export function userDetails(user: PublicUser, now: number): string {
  const rows: [string, string][] = [
    ['Username', user.username],
    ['Name', user.displayName],
    ['Email', user.email],
    ['Primary Card/ID number', user.primaryCard ?? '(none)'],
    ['Secondary Card/ID number', user.secondaryCard ?? '(none)'],
    ['PIN', user.hasPin ? 'set' : 'not set (set at first login after a card swipe)'],
    ['Status', status(user, now)],
    ['Id', user.id],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${(label + ':').padEnd(width + 1)} ${value}`).join('\n') + '\n';
}
