import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface PrintCredentials {
  readonly username: string;
  readonly password: string;
}

const INFO = 'badgekiosk print-server credentials v1';

function keyFrom(pepper: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', pepper, Buffer.alloc(0), INFO, 32));
}

/**
 * Print server credentials in the central store are sealed (AES-256-GCM) with a key derived from
 * the site pepper. The pepper lives beside the store, never in it (DESIGN §6), so a copy of the
 * database alone, or a PostgreSQL dump, does not reveal them; every central process of a site has
 * the pepper and can open them. Output: base64 of iv(12) | tag(16) | ciphertext.
 */
export function sealPrintCredentials(pepper: Buffer, credentials: PrintCredentials): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(pepper), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify({ username: credentials.username, password: credentials.password }), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function openPrintCredentials(pepper: Buffer, sealed: string): PrintCredentials {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(pepper), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  const parsed = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as PrintCredentials;
  return { username: String(parsed.username), password: String(parsed.password) };
}
