import { readFile } from 'node:fs/promises';
import type { ConfigValues, Directory } from '../core/index.js';
import { LdapConnections } from './ldapConnections.js';
import { LdapDirectory } from './ldapDirectory.js';
import { ldapSettingsFrom } from './ldapSettings.js';

/** The directory for the configuration in force, or null when directory.ldap.url is empty. */
export type DirectoryFactory = (config: ConfigValues) => Directory | null;

/**
 * Settings are read per use, so a changed directory.ldap.* key takes effect on the next sign-in
 * without a restart; the service password is fixed for the life of the process.
 */
export function ldapDirectoryFactory(bindPassword: string | null): DirectoryFactory {
  return (config) => {
    const settings = ldapSettingsFrom(config, bindPassword);
    return settings ? new LdapDirectory(settings) : null;
  };
}

/** A factory whose directories share kept connections; close() ends them (the process is stopping). */
export interface KeptDirectoryFactory extends DirectoryFactory {
  close(): Promise<void>;
}

/**
 * For a long-running central store: sign-ins reuse one service-bound search connection and one
 * bind-only connection (LdapConnections) while the connection settings stay the same; a changed
 * directory.ldap.url, bind DN, StartTLS or timeout closes them and opens new ones on next use.
 */
export function keptLdapDirectoryFactory(bindPassword: string | null): KeptDirectoryFactory {
  let kept: { key: string; connections: LdapConnections } | null = null;
  const factory = (config: ConfigValues): Directory | null => {
    const settings = ldapSettingsFrom(config, bindPassword);
    if (!settings) return null;
    const key = JSON.stringify([settings.url, settings.bindDn, settings.startTls, settings.timeoutMs]);
    if (kept?.key !== key) {
      void kept?.connections.close();
      kept = { key, connections: new LdapConnections(settings) };
    }
    return new LdapDirectory(settings, kept.connections);
  };
  return Object.assign(factory, { close: async () => kept?.connections.close() });
}

/** The first line of the file; a missing or empty file is refused with its name (never its content). */
export async function readBindPasswordFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the directory bind password file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') throw new Error(`The directory bind password file ${file} is empty.`);
  return password;
}
