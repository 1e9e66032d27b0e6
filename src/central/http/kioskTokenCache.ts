import type { CentralStorage } from '../storage/centralStorage.js';
import type { KioskRow } from '../services/kioskRegistry.js';

/**
 * This process's memory of which kiosk holds which token (keyed by the token's SHA-256, never the
 * token), so a pull does not cost a database lookup (issue 10, item 4). A revocation reaches every
 * process through the storage's revocation channel (NOTIFY on PostgreSQL) and drops the kiosk's
 * entry at once; the time limit is only a second line of defence.
 */
export class KioskTokenCache {
  private readonly byHash = new Map<string, { readonly kiosk: KioskRow; readonly at: number }>();
  /** Bumped by every revocation: a lookup that raced one must not put its answer back. */
  private generation = 0;

  constructor(
    storage: CentralStorage,
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 100_000,
  ) {
    storage.onKioskRevoked((kioskId) => {
      this.generation += 1;
      if (kioskId === null) {
        this.byHash.clear();
        return;
      }
      for (const [hash, entry] of this.byHash) if (entry.kiosk.id === kioskId) this.byHash.delete(hash);
    });
  }

  get(tokenHash: string, now: number): KioskRow | undefined {
    const entry = this.byHash.get(tokenHash);
    if (!entry) return undefined;
    if (now - entry.at >= this.ttlMs) {
      this.byHash.delete(tokenHash);
      return undefined;
    }
    return entry.kiosk;
  }

  /** The generation to hand back to `set` after a database lookup. */
  get currentGeneration(): number {
    return this.generation;
  }

  set(tokenHash: string, kiosk: KioskRow, now: number, lookedUpAt: number = this.generation): void {
    if (lookedUpAt !== this.generation) return;
    if (this.byHash.size >= this.maxEntries) this.byHash.delete(this.byHash.keys().next().value!);
    this.byHash.set(tokenHash, { kiosk, at: now });
  }
}
