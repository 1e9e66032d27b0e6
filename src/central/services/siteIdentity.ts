import { randomUUID } from 'node:crypto';
import type { CentralStorage } from '../storage/centralStorage.js';
import { sha256Hex } from '../security/secrets.js';

export interface SiteIdentity {
  readonly siteId: string;
}

/**
 * The site's identity and the fingerprint of its PIN pepper. The first start records both; later
 * starts (or a second central process on the same PostgreSQL database) must bring the same
 * pepper, or every PIN would silently stop matching.
 */
export async function ensureSite(storage: CentralStorage, pepper: Buffer, now: number): Promise<SiteIdentity> {
  const fingerprint = sha256Hex(`badgekiosk-pepper-fingerprint:${pepper.toString('base64')}`);
  return storage.write(async (tx) => {
    let row = await tx.db.selectFrom('site').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!row) {
      // Two processes may create a fresh database together; the first insert wins, the other checks against it.
      await tx.db.insertInto('site').values({ id: 1, site_id: randomUUID(), pepper_fingerprint: fingerprint, created_at: now })
        .onConflict((oc) => oc.column('id').doNothing()).execute();
      row = await tx.db.selectFrom('site').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    }
    if (row.pepper_fingerprint !== fingerprint) {
      throw new Error(
        'The PIN pepper file does not belong to this central database (its fingerprint differs). ' +
          'Use the pepper file this database was created with (--pepper-file), or every PIN would stop matching.',
      );
    }
    return { siteId: row.site_id };
  });
}
