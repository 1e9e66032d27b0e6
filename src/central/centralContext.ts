import type { Clock, ConfigValues, Directory, PinHasher, RandomSource } from '../core/index.js';
import type { CentralStorage } from './storage/centralStorage.js';

/** What every central service and route needs; built once per process (the composition root). */
export interface CentralContext {
  readonly storage: CentralStorage;
  readonly clock: Clock;
  readonly random: RandomSource;
  /** Hashes PINs from CSV imports with the site pepper (the same hasher kiosks verify with). */
  readonly pinHasher: PinHasher;
  readonly siteId: string;
  /** The site PIN pepper, handed to kiosks at enrollment. */
  readonly pepper: Buffer;
  readonly version: string;
  /** The directory (LDAP) for the configuration in force, or null when none is configured. */
  readonly directoryFor: (config: ConfigValues) => Directory | null;
}
