import type Database from 'better-sqlite3';
import {
  allConfigKeys,
  configKeyDefinition,
  parseKeyValue,
  type ConfigKeyName,
  type ConfigSource,
  type ConfigValue,
  type ConfigValues,
} from '../core/index.js';

/**
 * Configuration values stored on this kiosk over the registry's defaults. A stored value that no
 * longer parses (an older or newer registry) falls back to the default instead of breaking sign-in.
 */
export class SqliteConfigSource implements ConfigSource {
  private readonly select;
  private readonly selectAll;
  private readonly upsert;

  constructor(
    db: Database.Database,
    private readonly clock: { now(): number },
  ) {
    this.select = db.prepare<[string], string>('SELECT value FROM config WHERE name = ?').pluck();
    this.selectAll = db.prepare<[], { name: string; value: string }>('SELECT name, value FROM config');
    this.upsert = db.prepare(
      'INSERT INTO config (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
  }

  get<K extends ConfigKeyName>(key: K): ConfigValue<K> {
    return this.decode(key, this.select.get(key));
  }

  values(): ConfigValues {
    const stored = new Map(this.selectAll.all().map((row) => [row.name, row.value]));
    const values: Record<string, unknown> = {};
    for (const key of allConfigKeys()) values[key.name] = this.decode(key.name as ConfigKeyName, stored.get(key.name));
    return values as ConfigValues;
  }

  /** Stores an already validated value (see validateConfigChange). */
  write(name: ConfigKeyName, value: ConfigValue<ConfigKeyName>): void {
    this.upsert.run(name, JSON.stringify(value), this.clock.now());
  }

  private decode<K extends ConfigKeyName>(key: K, text: string | undefined): ConfigValue<K> {
    const definition = configKeyDefinition(key);
    if (text === undefined) return definition.default as ConfigValue<K>;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return definition.default as ConfigValue<K>;
    }
    const parsed = parseKeyValue(definition, raw);
    return (parsed.ok ? parsed.value : definition.default) as ConfigValue<K>;
  }
}
