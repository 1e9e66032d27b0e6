/**
 * Usernames are unique whatever their case (issue 11, finding 10): `Alice` and `alice` are one
 * name. This is the form in-memory checks compare; the databases compare `lower(username)` (a
 * unique index on both the central store and the kiosk's own store), which folds A–Z everywhere and
 * other letters as the database's locale does, so this is the stricter of the two.
 */
export function usernameKey(username: string): string {
  return username.toLowerCase();
}

/** "username alice already exists", naming the holder when only the case differs. */
export function usernameExists(wanted: string, existing: string): string {
  return existing === wanted ? `username ${wanted} already exists` : `username ${wanted} already exists as ${existing} (usernames ignore case)`;
}

/** Refusal of a schema upgrade that found usernames differing only in case ("Alice and alice; BOB and bob"). */
export function usernameCaseClashMessage(clashing: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const username of [...clashing].sort()) groups.set(usernameKey(username), [...(groups.get(usernameKey(username)) ?? []), username]);
  const named = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, group]) => group.join(' and ')).join('; ');
  return `Usernames must be unique whatever their case, but these differ only in case: ${named}. Rename all but one of each, then start again; nothing was changed.`;
}
