import {
  allConfigKeys,
  defaultConfigValues,
  describeRange,
  isConfigKeyName,
  configKeyDefinition,
  shownConfigValue,
  validateConfigChange,
  type ConfigKeyName,
  type ConfigValues,
  type Result,
} from '../../core/index.js';
import { err, ok } from '../../core/index.js';
import type { CentralDb, CentralStorage, WriteTx } from '../storage/centralStorage.js';
import type { AdminWriteContext } from './adminUsers.js';
import { appendAudit, type CentralAuditKind } from './centralAudit.js';
import { onePer } from '../onePer.js';

/** The configuration in force on the site: registry defaults overlaid with what administrators set. */
export async function readConfig(db: CentralDb): Promise<ConfigValues> {
  const values: Record<string, unknown> = { ...defaultConfigValues() };
  const rows = await db.selectFrom('config').select(['name', 'value']).execute();
  for (const row of rows) if (isConfigKeyName(row.name)) values[row.name] = JSON.parse(row.value);
  return values as ConfigValues;
}

interface KeptConfig {
  values: ConfigValues | null;
  /** Moves at every announcement: a read that began before one may hold the old values. */
  generation: number;
}

const keptConfigOf = onePer((storage: CentralStorage): KeptConfig => {
  const kept: KeptConfig = { values: null, generation: 0 };
  storage.onAnnouncement(() => {
    kept.generation++;
    kept.values = null;
  });
  return kept;
});

/**
 * readConfig outside a transaction, kept in memory until the next announced commit (every config
 * write takes a change-feed sequence, so it is announced): the sign-in routes read it on every
 * request. SQLite only: there this process's commits are announced before write() resolves, and
 * other processes' within a millisecond (noticeOtherWriters, as the kiosk token check does). On
 * PostgreSQL even our own commit is heard through NOTIFY, after write() resolved, so a read right
 * after an administrator's change could still see the old values: it reads every time.
 */
export async function currentConfig(storage: CentralStorage): Promise<ConfigValues> {
  if (storage.dialect !== 'sqlite') return readConfig(storage.db);
  const entry = keptConfigOf(storage);
  storage.noticeOtherWriters();
  if (entry.values) return entry.values;
  const generation = entry.generation;
  const values = Object.freeze(await readConfig(storage.db));
  if (entry.generation === generation) entry.values = values;
  return values;
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

/** setConfig plus one audit row describing the change, in the administrator's transaction. */
async function setConfigWithAudit(
  ctx: AdminWriteContext, name: string, raw: unknown,
  describe: (change: ConfigChange) => { readonly kind: CentralAuditKind; readonly details: Readonly<Record<string, string | number | boolean>> },
): Promise<Result<ConfigChange, string>> {
  const result = await setConfig(ctx.tx, name, raw, ctx.now);
  if (!result.ok) return result;
  const { kind, details } = describe(result.value);
  await appendAudit(ctx.tx.db, {
    id: ctx.random.uuid(), at: ctx.now, kind, outcome: 'success', userId: null, username: null, kioskId: null, actor: ctx.actor.username, code: null, details,
  });
  return result;
}

/** Audited as `config.set`, with the value and the previous value as shown to people. */
export function setConfigAudited(ctx: AdminWriteContext, name: string, raw: unknown): Promise<Result<ConfigChange, string>> {
  return setConfigWithAudit(ctx, name, raw, (change) => {
    const shown = (value: boolean | number | string) => shownConfigValue(configKeyDefinition(change.name), value);
    return { kind: 'config.set', details: { key: change.name, value: shown(change.value), previous: shown(change.previous) } };
  });
}

export type TechnicianPinChange = 'technician-pin-set' | 'technician-pin-cleared';

/** `technician.pin-hash` for every kiosk ('' clears it), audited as `technician.change` without the hash. */
export function setTechnicianPinHash(ctx: AdminWriteContext, hash: string, what: TechnicianPinChange): Promise<Result<ConfigChange, string>> {
  return setConfigWithAudit(ctx, 'technician.pin-hash', hash, () => ({ kind: 'technician.change', details: { what, key: 'technician.pin-hash' } }));
}
