import { err, ok, type Result } from '../result.js';
import { parseKeyValue } from './configKey.js';
import { configKeyDefinition, isConfigKeyName, type ConfigKeyName, type ConfigValue, type ConfigValues } from './configRegistry.js';

/** Pairs of keys where the first must stay below (or not above) the second. */
const ORDERED_PAIRS: readonly { readonly low: ConfigKeyName; readonly high: ConfigKeyName; readonly strict: boolean }[] = [
  { low: 'pin.min-length', high: 'pin.max-length', strict: false },
  { low: 'card-id.min-length', high: 'card-id.max-length', strict: false },
  { low: 'kiosk.idle-warning-seconds', high: 'kiosk.idle-timeout-seconds', strict: true },
];

export interface ValidConfigChange {
  readonly name: ConfigKeyName;
  readonly value: ConfigValue<ConfigKeyName>;
}

/**
 * Every configuration write (kiosk CLI, central admin API) passes here: unknown keys and bad values
 * are refused with a message naming the key and what is allowed, and cross-key rules hold against
 * the values currently in force.
 */
export function validateConfigChange(name: string, raw: unknown, current: ConfigValues): Result<ValidConfigChange, string> {
  if (!isConfigKeyName(name)) {
    return err(`Unknown configuration key ${JSON.stringify(name)}. Run \`badgekiosk config list\` to see the valid keys.`);
  }
  const parsed = parseKeyValue(configKeyDefinition(name), raw);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  for (const pair of ORDERED_PAIRS) {
    if (name !== pair.low && name !== pair.high) continue;
    const low = name === pair.low ? (value as number) : (current[pair.low] as number);
    const high = name === pair.high ? (value as number) : (current[pair.high] as number);
    if (pair.strict ? low < high : low <= high) continue;
    const def = configKeyDefinition(name);
    if (def.type !== 'integer') continue;
    const gap = pair.strict ? 1 : 0;
    const [from, to] = name === pair.low ? [def.min, Math.min(def.max, high - gap)] : [Math.max(def.min, low + gap), def.max];
    const relation = pair.strict ? 'less than' : 'at most';
    const other = name === pair.low ? pair.high : pair.low;
    return err(
      `Invalid value ${JSON.stringify(raw)} for ${name}: ${pair.low} must be ${relation} ${pair.high} ` +
        `(${other} is ${current[other] as number}); expected an integer from ${from} to ${to}.`,
    );
  }
  return ok({ name, value: value as ConfigValue<ConfigKeyName> });
}
