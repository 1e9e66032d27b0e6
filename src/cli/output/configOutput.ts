import { allConfigKeys, describeRange, shownConfigValue, type ConfigValues } from '../../core/index.js';

export interface ConfigRow {
  readonly name: string;
  readonly value: boolean | number | string;
  readonly default: boolean | number | string;
  readonly range: string;
  readonly description: string;
}

export function configRows(values: ConfigValues): ConfigRow[] {
  return allConfigKeys().map((key) => ({
    name: key.name,
    value: shownConfigValue(key, values[key.name as keyof ConfigValues]),
    default: key.default,
    range: describeRange(key),
    description: key.description,
  }));
}

/**
 * Keys whose stored value differs from the default. Compared before a secret is shown as
 * `(set)`/`(not set)`: an unset technician PIN hash is its default, not a change.
 */
export function changedConfigKeys(values: ConfigValues): ReadonlySet<string> {
  return new Set(allConfigKeys().filter((key) => values[key.name as keyof ConfigValues] !== key.default).map((key) => key.name));
}

/** `config list`: one block per key, the value first, a `*` where it differs from the default. */
export function configListText(rows: readonly ConfigRow[], changedKeys: ReadonlySet<string>): string {
  const width = Math.max(...rows.map((row) => row.name.length));
  return rows
    .map((row) => {
      const changed = changedKeys.has(row.name) ? ' *' : '';
      return (
        `${row.name.padEnd(width)}  ${String(row.value)}${changed}\n` +
        `${''.padEnd(width)}  default ${String(row.default)}; ${row.range}\n` +
        `${''.padEnd(width)}  ${row.description}\n`
      );
    })
    .join('');
}
