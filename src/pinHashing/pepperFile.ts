import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export const PEPPER_BYTES = 32;

/**
 * Reads the site secret, creating it with 32 random bytes on first run. The bytes are written to
 * a private temporary file and then hard-linked into place, which fails if the file exists: two
 * processes starting at once agree on one pepper, and neither can read a half-written one.
 * A pepper file that others may read is refused rather than used, like ssh refuses a readable
 * private key.
 */
export async function loadOrCreatePepper(file: string): Promise<Buffer> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.new`;
  const handle = await open(draft, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(randomBytes(PEPPER_BYTES));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft).catch(() => undefined);
  }
  return readPepper(file);
}

export async function readPepper(file: string): Promise<Buffer> {
  const info = await stat(file);
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw new Error(
      `The pepper file ${file} is readable or writable by other users (mode ${(info.mode & 0o777).toString(8)}); run \`chmod 600 ${file}\`.`,
    );
  }
  const pepper = await readFile(file);
  if (pepper.length < 16) throw new Error(`The pepper file ${file} holds ${pepper.length} bytes; at least 16 are needed.`);
  return pepper;
}
