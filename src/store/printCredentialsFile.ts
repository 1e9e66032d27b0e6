import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Username and password for a print server that requires authentication. */
export interface PrintCredentials {
  readonly username: string;
  readonly password: string;
}

/** secrets/print-server-NAME.json; names are restricted (printSetup.ts) so they are safe in a file name. */
export function printCredentialsFile(secretsDir: string, server: string): string {
  return path.join(secretsDir, `print-server-${server}.json`);
}

/**
 * Kept like the pepper: a 0600 file in the 0700 secrets folder, never in the database,
 * configuration, audit or logs. Written to a temporary name and renamed, so a reader never sees half.
 */
export async function writePrintCredentials(file: string, credentials: PrintCredentials): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify({ username: credentials.username, password: credentials.password }));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

/** undefined when the server has no credentials file; refused when others could read it. */
export async function readPrintCredentials(file: string): Promise<PrintCredentials | undefined> {
  let mode: number;
  try {
    mode = (await stat(file)).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new Error(`The print server credentials file ${file} is readable or writable by other users (mode ${(mode & 0o777).toString(8)}); run \`chmod 600 ${file}\`.`);
  }
  const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<PrintCredentials>;
  if (typeof parsed.username !== 'string' || typeof parsed.password !== 'string') {
    throw new Error(`The print server credentials file ${file} does not hold a username and a password.`);
  }
  return { username: parsed.username, password: parsed.password };
}

export async function removePrintCredentials(file: string): Promise<void> {
  await rm(file, { force: true });
}
