import type { ConnectionOptions } from 'node:tls';
import type { ConfigValues } from '../core/index.js';

/** What the LDAP adapter needs: the directory.ldap.* keys, plus the service password given at start. */
export interface LdapSettings {
  readonly url: string;
  readonly baseDn: string;
  readonly userFilter: string;
  /** Empty: anonymous search. */
  readonly bindDn: string;
  /** From --directory-bind-password-file; never a configuration value, never logged. */
  readonly bindPassword: string | null;
  readonly usernameAttribute: string;
  readonly nameAttribute: string;
  readonly emailAttribute: string;
  /** Empty: no Card/ID number from the directory. */
  readonly cardAttribute: string;
  readonly startTls: boolean;
  readonly timeoutMs: number;
  /** Extra TLS options (a private CA for ldaps:// or StartTLS). */
  readonly tls?: ConnectionOptions;
}

/** The settings in force, or null when no directory is configured (directory.ldap.url empty). */
export function ldapSettingsFrom(config: ConfigValues, bindPassword: string | null, tls?: ConnectionOptions): LdapSettings | null {
  if (config['directory.ldap.url'] === '') return null;
  return {
    url: config['directory.ldap.url'],
    baseDn: config['directory.ldap.base-dn'],
    userFilter: config['directory.ldap.user-filter'],
    bindDn: config['directory.ldap.bind-dn'],
    bindPassword,
    usernameAttribute: config['directory.ldap.username-attribute'],
    nameAttribute: config['directory.ldap.name-attribute'],
    emailAttribute: config['directory.ldap.email-attribute'],
    cardAttribute: config['directory.ldap.card-attribute'],
    startTls: config['directory.ldap.starttls'],
    timeoutMs: config['directory.ldap.timeout-seconds'] * 1000,
    ...(tls ? { tls } : {}),
  };
}
