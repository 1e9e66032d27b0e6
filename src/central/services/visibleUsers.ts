import { sql, type RawBuilder } from 'kysely';

/**
 * The condition every read of users for display, sign-in or change adds (migration 9): a row of an
 * import still `pending` is not a user yet. Uniqueness checks leave it out on purpose: the import
 * holds its usernames and Card/ID numbers until it is published or swept. `table` is the name or
 * alias the query gives users.
 */
export function visibleUser(table = 'users'): RawBuilder<boolean> {
  const importId = sql.ref(`${table}.import_id`);
  return sql<boolean>`(${importId} is null or ${importId} not in (select id from user_imports where state = 'pending'))`;
}
