import type { BooleanKey, ConfigKeyDefinition, EnumKey, IntegerKey, StringKey } from './configKey.js';
import { DIRECTORY_CONFIG_KEYS } from './directoryKeys.js';
import { PRINT_CONFIG_KEYS } from './printKeys.js';
import { TECHNICIAN_CONFIG_KEYS } from './technicianKeys.js';

function isIanaTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

const bool = (name: string, def: boolean, description: string): BooleanKey => ({ type: 'boolean', name, default: def, description });
const int = (name: string, def: number, min: number, max: number, description: string): IntegerKey => ({
  type: 'integer', name, default: def, min, max, description,
});

/**
 * Every configuration key, the same on the central store and on kiosks (DESIGN §3).
 * Values live in the stores; this registry owns names, types, defaults, ranges and descriptions.
 */
export const CONFIG_KEYS = {
  'user.allow-change-pin': bool('user.allow-change-pin', true, 'Users may change their PIN at the kiosk.'),
  'user.allow-change-card-id': bool('user.allow-change-card-id', true, 'Users may change their Card/ID number at the kiosk.'),
  'user.change-card-id.which': {
    type: 'enum', name: 'user.change-card-id.which', default: 'primary', values: ['primary', 'secondary'],
    description: 'Which Card/ID number field a user may change: primary or secondary (never both).',
  } satisfies EnumKey<'primary' | 'secondary'> as EnumKey<'primary' | 'secondary'>,
  'user.change-card-id.auto-generate-only': bool(
    'user.change-card-id.auto-generate-only', true,
    'Users may only generate a random Card/ID number; when false they may also type one.',
  ),
  'user.can-change-card-id.num-times-per-day': int(
    'user.can-change-card-id.num-times-per-day', 3, 0, 100,
    'How many Card/ID number changes a user may make per site calendar day, counted across all kiosks.',
  ),
  'card-id.generated-length': int('card-id.generated-length', 8, 4, 20, 'Digits in a generated Card/ID number.'),
  'card-id.min-length': int('card-id.min-length', 4, 1, 64, 'Shortest Card/ID number a user may type.'),
  'card-id.max-length': int('card-id.max-length', 32, 1, 64, 'Longest Card/ID number a user may type.'),
  'pin.min-length': int('pin.min-length', 4, 4, 12, 'Shortest PIN allowed.'),
  'pin.max-length': int('pin.max-length', 8, 4, 12, 'Longest PIN allowed.'),
  'auth.pin-required-for-card': bool('auth.pin-required-for-card', true, 'A swiped card must be followed by the PIN.'),
  'auth.max-failed-pin-attempts': int(
    'auth.max-failed-pin-attempts', 5, 1, 100, 'Wrong PINs in a row, across kiosks, before the user is locked out.',
  ),
  'auth.lockout-minutes': int('auth.lockout-minutes', 15, 1, 1440, 'How long a locked-out user must wait.'),
  'auth.allow-new-pin-for-typed-id': bool(
    'auth.allow-new-pin-for-typed-id', false,
    'A user with no PIN may set one after typing their ID number (off: only after swiping the card, proving possession).',
  ),
  'auth.typed-id-max-delay-seconds': int(
    'auth.typed-id-max-delay-seconds', 30, 0, 300,
    'Longest pause a kiosk makes between typed-ID tries after failures (0, 1, 2, 4 … seconds); 0 turns the pause off.',
  ),
  'kiosk.idle-timeout-seconds': int('kiosk.idle-timeout-seconds', 60, 10, 3600, 'Idle time before a session logs out.'),
  'kiosk.idle-warning-seconds': int('kiosk.idle-warning-seconds', 10, 0, 600, 'Seconds of visible countdown before idle logout.'),
  'kiosk.default-language': {
    type: 'enum', name: 'kiosk.default-language', default: 'en', values: ['en', 'de', 'fr'],
    description: 'Language of the idle screen.',
  } satisfies EnumKey<'en' | 'de' | 'fr'> as EnumKey<'en' | 'de' | 'fr'>,
  'reader.debounce-ms': int('reader.debounce-ms', 1000, 0, 60000, 'Repeated reads of one card within this window are one swipe.'),
  'sync.pull-interval-seconds': int('sync.pull-interval-seconds', 30, 1, 3600, 'How often a kiosk pulls changes when no live announcement arrives.'),
  'site.timezone': {
    type: 'string', name: 'site.timezone', default: 'UTC', allowed: 'an IANA time zone name such as Europe/Berlin',
    check: isIanaTimeZone, description: 'Time zone of the site; its calendar day bounds the daily Card/ID change limit.',
  } satisfies StringKey as StringKey,
  ...TECHNICIAN_CONFIG_KEYS,
  ...DIRECTORY_CONFIG_KEYS,
  ...PRINT_CONFIG_KEYS,
} as const;

export type ConfigKeyName = keyof typeof CONFIG_KEYS;

type ValueOf<D> = D extends EnumKey<infer V> ? V : D extends { readonly default: infer T } ? T : never;
export type ConfigValue<K extends ConfigKeyName> = ValueOf<(typeof CONFIG_KEYS)[K]>;
export type ConfigValues = { readonly [K in ConfigKeyName]: ConfigValue<K> };

export function isConfigKeyName(name: string): name is ConfigKeyName {
  return Object.prototype.hasOwnProperty.call(CONFIG_KEYS, name);
}

export function configKeyDefinition(name: ConfigKeyName): ConfigKeyDefinition {
  return CONFIG_KEYS[name];
}

export function allConfigKeys(): readonly ConfigKeyDefinition[] {
  return Object.values(CONFIG_KEYS);
}

export function defaultConfigValues(): ConfigValues {
  const values: Record<string, unknown> = {};
  for (const key of allConfigKeys()) values[key.name] = key.default;
  return values as ConfigValues;
}
