import argon2 from 'argon2';

/** OWASP's argon2id minimum (m=19 MiB, t=2, p=1), as for PINs (DESIGN §6). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_ADMIN_PASSWORD_LENGTH = 12;

export function checkAdminPassword(password: string): string | null {
  if (password.length < MIN_ADMIN_PASSWORD_LENGTH) return `The password must have at least ${MIN_ADMIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 1024) return 'The password must have at most 1024 characters.';
  return null;
}

export function hashAdminPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummyHash: Promise<string> | null = null;

/** An unknown username costs as much as a wrong password, so logins cannot probe for usernames. */
export async function verifyAdminPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    dummyHash ??= argon2.hash('not-a-real-password', OPTIONS);
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
