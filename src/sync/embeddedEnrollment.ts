import type { KioskStore } from '../store/index.js';
import { enrollKiosk, readEnrollment, recordCentralUrl } from './kioskEnrollment.js';

/** What connectEmbeddedKiosk did. */
export type EmbeddedConnection =
  /** First start: enrolled with the embedded central store (local users replaced by its users). */
  | 'enrolled'
  /** Enrolled with it before: its new port was recorded. */
  | 'reconnected'
  /** Enrolled with a real central store: the embedded one is not used. */
  | 'external';

/**
 * Links the kiosk to the central store running inside its own process (startEmbeddedCentral):
 * enrolls on first start, and on later starts points the enrollment at the new random port. A
 * kiosk enrolled with a real central store is left alone. Call before createSyncClient.
 */
export async function connectEmbeddedKiosk(
  embedded: { readonly url: string; readonly siteId: string; createEnrollmentCode(name: string): Promise<string> },
  kiosk: { readonly store: KioskStore; readonly dataDir: string; readonly name?: string; readonly version?: string },
): Promise<EmbeddedConnection> {
  const enrollment = readEnrollment(kiosk.store);
  if (enrollment && enrollment.siteId !== embedded.siteId) return 'external';
  if (enrollment) {
    recordCentralUrl(kiosk.store, embedded.url);
    return 'reconnected';
  }
  const code = await embedded.createEnrollmentCode(kiosk.name ?? 'this kiosk (embedded)');
  await enrollKiosk({ store: kiosk.store, dataDir: kiosk.dataDir, centralUrl: embedded.url, code, ...(kiosk.version ? { version: kiosk.version } : {}) });
  return 'enrolled';
}
