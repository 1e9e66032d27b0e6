import type { AuditEvent } from '../core/index.js';
import type { KioskStore } from './kioskStore.js';

export const TECHNICIAN_LOCK_KEY = 'technician.lock';

export interface TechnicianLockState {
  readonly failedAttempts: number;
  readonly lockedUntil: number | null;
}

const UNLOCKED: TechnicianLockState = { failedAttempts: 0, lockedUntil: null };

/**
 * Wrong technician PINs on this kiosk (kv `technician.lock`), so a restart does not hand out fresh
 * attempts. Each change is written with its audit row in one transaction.
 */
export class SqliteTechnicianLock {
  constructor(private readonly store: KioskStore) {}

  read(): TechnicianLockState {
    const text = this.store.kv.get(TECHNICIAN_LOCK_KEY);
    if (text === undefined) return UNLOCKED;
    try {
      const value = JSON.parse(text) as Partial<TechnicianLockState>;
      const failedAttempts = Number.isSafeInteger(value.failedAttempts) && value.failedAttempts! >= 0 ? value.failedAttempts! : 0;
      const lockedUntil = Number.isSafeInteger(value.lockedUntil) ? value.lockedUntil! : null;
      return { failedAttempts, lockedUntil };
    } catch {
      // Only this class writes the key; whoever can corrupt it can rewrite the whole database anyway.
      return UNLOCKED;
    }
  }

  /** Also used by `badgekiosk technician pin set`, which starts the count afresh. */
  write(lock: TechnicianLockState, audit: AuditEvent): void {
    this.store.uow.transaction((repos) => {
      this.store.kv.set(TECHNICIAN_LOCK_KEY, JSON.stringify({ failedAttempts: lock.failedAttempts, lockedUntil: lock.lockedUntil }));
      repos.audit.append(audit);
    });
  }
}
