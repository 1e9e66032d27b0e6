import type { PinHasher } from '../../core/index.js';
import { type KioskStore } from '../../store/index.js';
import { cryptoRandomSource, systemClock } from '../../platform/index.js';
import { SqliteReaderProfiles } from '../../store/sqliteReaderProfiles.js';
import { SqliteTechnicianLock } from '../../store/sqliteTechnicianLock.js';
import { createDevicesReaderDriver } from './devicesReaderDriver.js';
import type { TechnicianHostDeps } from './technicianService.js';

/** Technician mode on the kiosk's own store and the src/devices readers. */
export function technicianHostDeps(store: KioskStore, pinHasher: PinHasher, extraSerialPaths: readonly string[]): TechnicianHostDeps {
  return {
    pinHasher,
    lockStore: new SqliteTechnicianLock(store),
    profiles: new SqliteReaderProfiles(store, systemClock, cryptoRandomSource),
    audit: store.uow.repos.audit,
    owners: { usernameForCard: (cardNumber) => store.uow.repos.users.findByCard(cardNumber)?.username ?? null },
    driver: createDevicesReaderDriver(),
    clock: systemClock,
    random: cryptoRandomSource,
    extraSerialPaths,
  };
}
