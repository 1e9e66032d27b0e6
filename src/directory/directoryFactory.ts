import { readFile } from 'node:fs/promises';
import type { ConfigValues, Directory } from '../core/index.js';
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
