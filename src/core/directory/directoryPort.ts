import type { Result } from '../result.js';

/** A person as the directory describes them (attribute names come from the directory.ldap.* keys). */
export interface DirectoryPerson {
  readonly dn: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  /** From directory.ldap.card-attribute; null when that key is empty or the entry has none. */
  readonly cardNumber: string | null;
}

/**
 * Why the directory said no, or could not answer. `refused` is a wrong or empty password;
 * `not-found` an unknown username (callers show both the same way, so no one learns which
 * usernames exist); the rest are the directory's own trouble, worded for an administrator.
 */
export type DirectoryErrorCode =
  | 'refused'
  | 'not-found'
  | 'ambiguous'
  | 'not-configured'
  | 'unreachable'
  | 'timeout'
  | 'tls'
  | 'service-bind-failed'
  | 'directory-error';

export interface DirectoryError {
  readonly code: DirectoryErrorCode;
  readonly message: string;
}

export interface DirectoryAuthentication {
  readonly person: DirectoryPerson;
  /** Attribute names read from the entry, for `directory test` (never their secret values). */
  readonly attributesRead: readonly string[];
}

/** Progress of a full read, for a sync's stderr. */
export type DirectoryProgress = (peopleRead: number) => void;

/** The directory port (DESIGN §1): src/directory implements it with ldapts. */
export interface Directory {
  /** Search the user's DN, then bind as it with the password. An empty password never reaches the directory. */
  authenticate(username: string, password: string): Promise<Result<DirectoryAuthentication, DirectoryError>>;
  /** Search only: the person, or not-found. */
  lookup(username: string): Promise<Result<DirectoryAuthentication, DirectoryError>>;
  /** Every person under the base DN that the user filter matches for any username (paged). */
  listPeople(onProgress?: DirectoryProgress): Promise<Result<readonly DirectoryPerson[], DirectoryError>>;
}

export function directoryError(code: DirectoryErrorCode, message: string): { readonly ok: false; readonly error: DirectoryError } {
  return { ok: false, error: { code, message } };
}
