import { existsSync } from 'node:fs';
import type { CentralStorage } from './storage/centralStorage.js';
import { openCentralStorage } from './storage/openCentralStorage.js';

/**
 * The SQLite file of the central store `badgekiosk start` embeds in a data directory, opened for
 * the CLI. Undefined when there is none, or when it belongs to another site than the one the kiosk
 * is enrolled with (the kiosk has since been enrolled with another central store).
 */
export async function openEmbeddedCentralFile(databaseFile: string, siteId: string): Promise<CentralStorage | undefined> {
  if (!existsSync(databaseFile)) return undefined;
  const storage = await openCentralStorage(`sqlite:${databaseFile}`);
  const site = await storage.db.selectFrom('site').select('site_id').where('id', '=', 1).executeTakeFirst();
  if (site?.site_id === siteId) return storage;
  await storage.close();
  return undefined;
}
