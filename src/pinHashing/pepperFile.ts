import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const PEPPER_BYTES = 32;

/**
 * Reads the site secret, creating it with 32 random bytes on first run. Created with O_EXCL and
 * mode 0600 in a 0700 folder, so two processes starting at once cannot both write one. A pepper
 * file that others may read is refused rather than used, like ssh refuses a readable private key.
 */
export async function loadOrCreatePepper(file: string): Promise<Buffer> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    const handle = await open(file, 'wx', 0o600);
    try {
      await handle.writeFile(randomBytes(PEPPER_BYTES));
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
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
