import { readerProfileSchema, type ReaderProfile } from '../contract/index.js';
import type { AuditEvent, Clock, RandomSource } from '../core/index.js';
import type { KioskStore } from './kioskStore.js';

export interface SavedReaderProfile {
  readonly profile: ReaderProfile;
  readonly savedAt: number;
  readonly savedBy: string;
}

/**
 * This kiosk's reader profile in the local store. Saving writes the profile, its audit row and, on
 * an enrolled kiosk, the outbox command that sends it to the central store, in one transaction.
 * A stored profile that no longer matches the schema is reported, never half-used.
 */
export class SqliteReaderProfiles {
  private readonly select;
  private readonly upsert;

  constructor(
    private readonly store: KioskStore,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {
    this.select = store.db.prepare<[], { body: string; saved_at: number; saved_by: string }>('SELECT body, saved_at, saved_by FROM reader_profile WHERE id = 1');
    this.upsert = store.db.prepare(
      `INSERT INTO reader_profile (id, body, saved_at, saved_by) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at, saved_by = excluded.saved_by`,
    );
  }

  /** undefined when none was ever saved; throws with the reason when the stored one is unreadable. */
  load(): SavedReaderProfile | undefined {
    const row = this.select.get();
    if (!row) return undefined;
    const parsed = readerProfileSchema.safeParse(JSON.parse(row.body));
    if (!parsed.success) throw new Error(`The stored reader profile is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`);
    return { profile: parsed.data, savedAt: row.saved_at, savedBy: row.saved_by };
  }

  save(profile: ReaderProfile, audit: AuditEvent, savedBy = 'technician'): { savedAt: number; central: 'queued' | 'standalone' } {
    const checked = readerProfileSchema.parse(profile);
    const body = JSON.stringify(checked);
    const savedAt = this.clock.now();
    return this.store.uow.transaction((repos) => {
      this.upsert.run(body, savedAt, savedBy);
      repos.audit.append(audit);
      repos.outbox.enqueue(`reader-profile:${this.random.uuid()}`, { type: 'reader-profile', profile: body, at: savedAt });
      return { savedAt, central: this.store.outbox.isLive() ? 'queued' : 'standalone' };
    });
  }
}
