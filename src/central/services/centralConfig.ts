import {
  allConfigKeys,
  defaultConfigValues,
  describeRange,
  isConfigKeyName,
  configKeyDefinition,
  shownConfigValue,
  validateConfigChange,
  type RandomSource,
  type ConfigKeyName,
  type ConfigValues,
  type Result,
} from '../../core/index.js';
import { err, ok } from '../../core/index.js';
import type { CentralDb, WriteTx } from '../storage/centralStorage.js';
import { appendAudit } from './centralAudit.js';

/** The configuration in force on the site: registry defaults overlaid with what administrators set. */
export async function readConfig(db: CentralDb): Promise<ConfigValues> {
  const values: Record<string, unknown> = { ...defaultConfigValues() };
  const rows = await db.selectFrom('config').select(['name', 'value']).execute();
  for (const row of rows) if (isConfigKeyName(row.name)) values[row.name] = JSON.parse(row.value);
  return values as ConfigValues;
}

export interface ConfigEntry {
  readonly name: ConfigKeyName;
  readonly type: string;
  readonly default: boolean | number | string;
  readonly range: string;
  readonly description: string;
  readonly value: boolean | number | string;
  readonly isDefault: boolean;
}

export async function listConfig(db: CentralDb): Promise<ConfigEntry[]> {
  const current = await readConfig(db);
  const explicit = new Set((await db.selectFrom('config').select('name').execute()).map((r) => r.name));
  return allConfigKeys().map((key) => ({
    name: key.name as ConfigKeyName,
    type: key.type,
    default: key.default,
    range: describeRange(key),
    description: key.description,
    // A secret key (the technician PIN hash) only says whether it is set.
    value: shownConfigValue(key, current[key.name as ConfigKeyName] as boolean | number | string),
    isDefault: !explicit.has(key.name),
  }));
}

/**
 * Validated with the same registry and cross-key rules as the kiosk (validateConfigChange); the
 * new value reaches kiosks through the change feed.
 */
export async function setConfig(tx: WriteTx, name: string, raw: unknown, now: number): Promise<Result<{ name: ConfigKeyName; value: boolean | number | string; previous: boolean | number | string }, string>> {
  const current = await readConfig(tx.db);
  const checked = validateConfigChange(name, raw, current);
  if (!checked.ok) return err(checked.error);
  const { name: key, value } = checked.value;
  const seq = await tx.nextSeq();
  const text = JSON.stringify(value);
  await tx.db
    .insertInto('config')
    .values({ name: key, value: text, updated_at: now, seq })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: text, updated_at: now, seq }))
    .execute();
  return ok({ name: key, value: value as boolean | number | string, previous: current[key] as boolean | number | string });
}

export type ConfigChange = { name: ConfigKeyName; value: boolean | number | string; previous: boolean | number | string };

/** setConfig plus its `config.set` audit row (value and previous value as shown to people), in the caller's transaction. */
export async function setConfigAudited(
  tx: WriteTx, name: string, raw: unknown, who: { readonly actor: string; readonly now: number; readonly random: RandomSource },
): Promise<Result<ConfigChange, string>> {
  const result = await setConfig(tx, name, raw, who.now);
  if (!result.ok) return result;
  const shown = (value: boolean | number | string) => shownConfigValue(configKeyDefinition(result.value.name), value);
  await appendAudit(tx.db, {
    id: who.random.uuid(), at: who.now, kind: 'config.set', outcome: 'success', userId: null, username: null, kioskId: null,
    actor: who.actor, code: null, details: { key: result.value.name, value: shown(result.value.value), previous: shown(result.value.previous) },
  });
  return result;
}

export type TechnicianPinChange = 'technician-pin-set' | 'technician-pin-cleared';

/** `technician.pin-hash` for every kiosk ('' clears it), audited as `technician.change` without the hash. */
export async function setTechnicianPinHash(
  tx: WriteTx, hash: string, what: TechnicianPinChange, who: { readonly actor: string; readonly now: number; readonly random: RandomSource },
): Promise<Result<ConfigChange, string>> {
  const result = await setConfig(tx, 'technician.pin-hash', hash, who.now);
  if (!result.ok) return result;
  await appendAudit(tx.db, {
    id: who.random.uuid(), at: who.now, kind: 'technician.change', outcome: 'success', userId: null, username: null, kioskId: null,
    actor: who.actor, code: null, details: { what, key: 'technician.pin-hash' },
  });
  return result;
}
