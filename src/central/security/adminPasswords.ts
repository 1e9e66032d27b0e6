import argon2 from 'argon2';
import type { PinHasher } from '../../core/index.js';

export const MIN_ADMIN_PASSWORD_LENGTH = 12;

/**
 * Marks a hash made with the site pepper as argon2's `secret` (the PIN hasher: same argon2id
 * parameters, same pepper, DESIGN §6). A PHC string does not say whether a secret was used, so
 * hashes stored before issue 11 (finding 6), which carry no mark, can be told apart and upgraded.
 */
export const PEPPERED_ADMIN_HASH_MARK = 'peppered:';

export function checkAdminPassword(password: string): string | null {
  if (password.length < MIN_ADMIN_PASSWORD_LENGTH) return `The password must have at least ${MIN_ADMIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 1024) return 'The password must have at most 1024 characters.';
  return null;
}

export async function hashAdminPassword(hasher: PinHasher, password: string): Promise<string> {
  return PEPPERED_ADMIN_HASH_MARK + (await hasher.hash(password));
}

export interface AdminPasswordCheck {
  readonly good: boolean;
  /** The password was right but its hash has no pepper: the caller stores a peppered one. */
  readonly needsPepper: boolean;
}

/** An unknown username costs as much as a wrong password, so logins cannot probe for usernames. */
export async function verifyAdminPassword(hasher: PinHasher, hash: string | null, password: string): Promise<AdminPasswordCheck> {
  if (hash === null) return { good: await hasher.verifyDummy(password), needsPepper: false };
  if (hash.startsWith(PEPPERED_ADMIN_HASH_MARK)) {
    return { good: await hasher.verify(hash.slice(PEPPERED_ADMIN_HASH_MARK.length), password), needsPepper: false };
  }
  const good = await argon2.verify(hash, password).catch(() => false);
  return { good, needsPepper: good };
}
