/**
 * RFC 4515 §3: in a filter value, `*`, `(`, `)`, `\` and NUL are written as a backslash and two
 * hex digits. Without this a username such as `*)(uid=*` would widen the search to anyone.
 */
export function escapeLdapFilterValue(value: string): string {
  return value.replace(/[*()\\\u0000]/g, (ch) => `\\${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export const USERNAME_PLACEHOLDER = '{username}';

/** The configured user filter with every `{username}` replaced by the escaped username. */
export function userFilterFor(template: string, username: string): string {
  return template.split(USERNAME_PLACEHOLDER).join(escapeLdapFilterValue(username));
}

/** The filter that matches every user the template could match: `{username}` becomes `*` (a presence match). */
export function everyUserFilter(template: string): string {
  return template.split(USERNAME_PLACEHOLDER).join('*');
}

/** A filter template is parenthesised, balanced and names `{username}` at least once. */
export function isUserFilterTemplate(value: string): boolean {
  if (!value.startsWith('(') || !value.endsWith(')') || !value.includes(USERNAME_PLACEHOLDER) || value.length > 512) return false;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return false;
    if (depth === 0 && i < value.length - 1) return false;
  }
  return depth === 0;
}
