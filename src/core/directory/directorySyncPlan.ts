import { validateCardNumberSyntax } from '../cardNumberFormat.js';
import { usernameKey } from '../usernameKey.js';
import type { DirectoryPerson } from './directoryPort.js';

/** A user of the central store as directory sync sees it. */
export interface SyncedUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly primaryCard: string | null;
  readonly disabled: boolean;
  /** Present when the directory manages this user (an earlier sync or a directory sign-in). */
  readonly managed: { readonly syncedCard: string | null; readonly disabledBySync: boolean } | null;
}

export interface CardConflict {
  readonly username: string;
  readonly cardNumber: string;
  /** Who holds it already, or why it cannot be used. */
  readonly reason: string;
}

export interface DirectorySyncPlan {
  readonly create: readonly { readonly person: DirectoryPerson; readonly primaryCard: string | null }[];
  readonly update: readonly { readonly userId: string; readonly username: string; readonly displayName: string; readonly email: string }[];
  /** Users the directory now manages, first met by this sync (matched by username). */
  readonly adopt: readonly { readonly userId: string; readonly dn: string }[];
  readonly setCard: readonly { readonly userId: string; readonly username: string; readonly cardNumber: string }[];
  /** The directory's number changed, but the user changed theirs through self-service since the last sync: left alone. */
  readonly keepSelfService: readonly { readonly username: string }[];
  readonly cardConflicts: readonly CardConflict[];
  /** Directory people whose username differs only in case from a user's or an earlier person's: left alone. */
  readonly usernameConflicts: readonly { readonly username: string; readonly clashesWith: string }[];
  /** Directory people whose username an import still publishing holds: left alone until it is published. */
  readonly beingImported: readonly { readonly username: string }[];
  readonly disable: readonly { readonly userId: string; readonly username: string }[];
  /** Users sync had disabled who are back in the directory. */
  readonly enable: readonly { readonly userId: string; readonly username: string }[];
  /** Per managed user in the directory: the card attribute's value now recorded as synced. */
  readonly syncedCards: readonly { readonly userId: string; readonly dn: string; readonly syncedCard: string | null }[];
  readonly unchanged: number;
}

/**
 * The difference between the directory and the central store (issue 14): new people become users;
 * names and emails follow the directory; the card attribute becomes the primary number unless the
 * user changed theirs through self-service since the last sync, and never by taking another user's
 * number (reported instead); managed users no longer in the directory are disabled, never deleted.
 * Users the directory never managed and does not list are left alone. A username a pending import
 * holds (`importing`, by usernameKey) is skipped: the import's user is not a user yet, and creating
 * one beside it would break the unique index; the first sync after publishing adopts it.
 * Pure: the central store applies it.
 */
export function planDirectorySync(
  people: readonly DirectoryPerson[], users: readonly SyncedUser[], cardHolders: ReadonlyMap<string, string>, importing: ReadonlySet<string> = new Set(),
): DirectorySyncPlan {
  const byUsername = new Map(users.map((user) => [user.username, user]));
  const byKey = new Map(users.map((user) => [usernameKey(user.username), user]));
  const holders = new Map(cardHolders);
  const plan = {
    create: [] as DirectorySyncPlan['create'][number][], update: [] as DirectorySyncPlan['update'][number][],
    adopt: [] as DirectorySyncPlan['adopt'][number][], setCard: [] as DirectorySyncPlan['setCard'][number][],
    keepSelfService: [] as { username: string }[], cardConflicts: [] as CardConflict[],
    usernameConflicts: [] as { username: string; clashesWith: string }[], beingImported: [] as { username: string }[],
    disable: [] as DirectorySyncPlan['disable'][number][], enable: [] as DirectorySyncPlan['enable'][number][],
    syncedCards: [] as DirectorySyncPlan['syncedCards'][number][], unchanged: 0,
  };
  const seen = new Map<string, string>();
  /** The number, if this user may take it; else the conflict is recorded and null returned. */
  const claim = (username: string, cardNumber: string): boolean => {
    if (!validateCardNumberSyntax(cardNumber).ok) {
      plan.cardConflicts.push({ username, cardNumber, reason: 'not a valid Card/ID number' });
      return false;
    }
    const holder = holders.get(cardNumber);
    if (holder !== undefined && holder !== username) {
      plan.cardConflicts.push({ username, cardNumber, reason: `already held by ${holder}` });
      return false;
    }
    holders.set(cardNumber, username);
    return true;
  };
  for (const person of people) {
    const key = usernameKey(person.username);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      if (earlier !== person.username) plan.usernameConflicts.push({ username: person.username, clashesWith: earlier });
      continue;
    }
    seen.set(key, person.username);
    const user = byUsername.get(person.username);
    const clash = byKey.get(key);
    if (!user && clash) {
      // Usernames are unique whatever their case: neither created beside nor merged into the other.
      plan.usernameConflicts.push({ username: person.username, clashesWith: clash.username });
      continue;
    }
    if (!user && importing.has(key)) {
      plan.beingImported.push({ username: person.username });
      continue;
    }
    if (!user) {
      const card = person.cardNumber !== null && claim(person.username, person.cardNumber) ? person.cardNumber : null;
      plan.create.push({ person, primaryCard: card });
      continue;
    }
    let changed = false;
    if (user.displayName !== person.displayName || user.email !== person.email) {
      plan.update.push({ userId: user.id, username: user.username, displayName: person.displayName, email: person.email });
      changed = true;
    }
    if (!user.managed) {
      plan.adopt.push({ userId: user.id, dn: person.dn });
      changed = true;
    }
    if (user.managed?.disabledBySync && user.disabled) {
      plan.enable.push({ userId: user.id, username: user.username });
      changed = true;
    }
    let synced = user.managed?.syncedCard ?? null;
    if (person.cardNumber !== null && person.cardNumber !== user.primaryCard) {
      const changedBySelfService = user.managed !== null && user.primaryCard !== user.managed.syncedCard;
      if (changedBySelfService) {
        plan.keepSelfService.push({ username: user.username });
      } else if (claim(user.username, person.cardNumber)) {
        plan.setCard.push({ userId: user.id, username: user.username, cardNumber: person.cardNumber });
        synced = person.cardNumber;
        changed = true;
      }
    } else if (person.cardNumber !== null) {
      synced = person.cardNumber;
    }
    if (!user.managed || synced !== user.managed.syncedCard) plan.syncedCards.push({ userId: user.id, dn: person.dn, syncedCard: synced });
    if (!changed) plan.unchanged++;
  }
  for (const user of users) {
    if (user.managed && !seen.has(usernameKey(user.username)) && !user.disabled) plan.disable.push({ userId: user.id, username: user.username });
  }
  return plan;
}

export function syncPlanCounts(plan: DirectorySyncPlan): Readonly<Record<string, number>> {
  return {
    created: plan.create.length, updated: plan.update.length, adopted: plan.adopt.length, cardsSet: plan.setCard.length,
    keptSelfService: plan.keepSelfService.length, cardConflicts: plan.cardConflicts.length, usernameConflicts: plan.usernameConflicts.length,
    beingImported: plan.beingImported.length, disabled: plan.disable.length,
    enabled: plan.enable.length, unchanged: plan.unchanged,
  };
}
