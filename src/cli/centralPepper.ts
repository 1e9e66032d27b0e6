import { existsSync } from 'node:fs';

/**
 * Why `badgekiosk central` must not start with this pepper file, or null. A missing pepper file
 * is created on first start; but a database that already belongs to a site was made with another
 * pepper, and a new one would only be refused after it had been written (a stray secret). Say so
 * before anything is created.
 */
export async function missingPepperProblem(db: string, pepperFile: string): Promise<string | null> {
  if (existsSync(pepperFile)) return null;
  const { openCentralStorage } = await import('../central/storage/openCentralStorage.js');
  const storage = await openCentralStorage(db);
  try {
    const site = await storage.db.selectFrom('site').select('site_id').where('id', '=', 1).executeTakeFirst();
    // Looked at again after the database: a process creating this site together with us writes the
    // pepper file before the site row, so a site seen here with no file really has lost its pepper.
    if (!site || existsSync(pepperFile)) return null;
    return (
      `The PIN pepper file ${pepperFile} does not exist, but this central database already belongs to site ${site.site_id}. ` +
      'Give the pepper file it was created with (--pepper-file); nothing was created.'
    );
  } finally {
    await storage.close();
  }
}
