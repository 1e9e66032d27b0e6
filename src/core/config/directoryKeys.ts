import { isUserFilterTemplate } from '../directory/ldapFilter.js';
import type { BooleanKey, IntegerKey, StringKey } from './configKey.js';

const LDAP_URL = /^ldaps?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?\/?$/;
const ATTRIBUTE = /^[A-Za-z][A-Za-z0-9-]{0,63}$/;
/** Loose DN shape (attr=value pairs separated by commas); the directory itself is the final judge. */
const DN = /^[A-Za-z][A-Za-z0-9-]*=[^,]+(,\s*[A-Za-z][A-Za-z0-9-]*=[^,]+)*$/;

const bool = (name: string, def: boolean, description: string): BooleanKey => ({ type: 'boolean', name, default: def, description });
const int = (name: string, def: number, min: number, max: number, description: string): IntegerKey => ({
  type: 'integer', name, default: def, min, max, description,
});
const text = (name: string, def: string, allowed: string, check: (value: string) => boolean, description: string): StringKey => ({
  type: 'string', name, default: def, allowed, check, description,
});

/**
 * The directory (LDAP) settings and the features built on it (issue 14). The service account's
 * password is not among them: it is a secret given to the central store at start
 * (--directory-bind-password-file), never a configuration value. Central-only: the change feed
 * does not send `directory.*` keys to kiosks.
 */
export const DIRECTORY_CONFIG_KEYS = {
  'directory.ldap.url': text(
    'directory.ldap.url', '', 'an ldap:// or ldaps:// URL with host and optional port (such as ldaps://ldap.example.org), or empty',
    (v) => v === '' || LDAP_URL.test(v),
    'The directory server (ldap:// or ldaps://). Empty: no directory; users sign in with Card/ID number and PIN only.',
  ),
  'directory.ldap.base-dn': text(
    'directory.ldap.base-dn', '', 'a DN such as ou=people,dc=example,dc=org, or empty', (v) => v === '' || (v.length <= 1024 && DN.test(v)),
    'Where users are searched (the whole subtree).',
  ),
  'directory.ldap.user-filter': text(
    'directory.ldap.user-filter', '(uid={username})', 'an LDAP filter in parentheses containing {username}, such as (uid={username})',
    isUserFilterTemplate,
    'Finds a user by username; {username} is replaced by the typed username, escaped per RFC 4515.',
  ),
  'directory.ldap.bind-dn': text(
    'directory.ldap.bind-dn', '', 'a DN such as cn=badgekiosk,ou=services,dc=example,dc=org, or empty', (v) => v === '' || (v.length <= 1024 && DN.test(v)),
    'Service account that searches the directory (its password: --directory-bind-password-file). Empty: anonymous search.',
  ),
  'directory.ldap.name-attribute': text('directory.ldap.name-attribute', 'cn', 'an LDAP attribute name', (v) => ATTRIBUTE.test(v), "Attribute holding the user's display name."),
  'directory.ldap.email-attribute': text('directory.ldap.email-attribute', 'mail', 'an LDAP attribute name', (v) => ATTRIBUTE.test(v), "Attribute holding the user's email address."),
  'directory.ldap.card-attribute': text(
    'directory.ldap.card-attribute', '', 'an LDAP attribute name (such as employeeNumber), or empty', (v) => v === '' || ATTRIBUTE.test(v),
    'Attribute holding the Card/ID number that directory sync writes to the primary number. Empty: none.',
  ),
  'directory.ldap.username-attribute': text(
    'directory.ldap.username-attribute', 'uid', 'an LDAP attribute name', (v) => ATTRIBUTE.test(v),
    'Attribute holding the username, read by directory sync to name each user.',
  ),
  'directory.ldap.starttls': bool('directory.ldap.starttls', false, 'Upgrade an ldap:// connection with StartTLS before sending any password.'),
  'directory.ldap.timeout-seconds': int('directory.ldap.timeout-seconds', 5, 1, 120, 'How long to wait for the directory to connect or answer before giving up.'),
  'directory.create-users-on-login': bool('directory.create-users-on-login', true, 'A directory user who signs in to the User web interface and has no account yet gets one.'),
  'directory.sync-interval-minutes': int('directory.sync-interval-minutes', 0, 0, 10080, 'How often the central store syncs users from the directory. 0: manual only (badgekiosk central directory sync).'),
  'user-web.allow-card-pin-sign-in': bool('user-web.allow-card-pin-sign-in', true, 'Users may sign in to the User web interface with their Card/ID number and PIN (besides the directory password).'),
  'user-web.idle-timeout-minutes': int('user-web.idle-timeout-minutes', 10, 1, 240, 'Idle time before a User web interface session ends.'),
  'card-id.self-association': bool('card-id.self-association', false, 'An unknown card swiped at a kiosk may be linked by its owner, who signs in with their directory username and password.'),
} as const;

/** Keys the kiosks never receive: directory settings stay on the central store. */
export const CENTRAL_ONLY_KEY_PREFIXES = ['directory.', 'user-web.'] as const;

export function isCentralOnlyKey(name: string): boolean {
  return CENTRAL_ONLY_KEY_PREFIXES.some((prefix) => name.startsWith(prefix));
}
