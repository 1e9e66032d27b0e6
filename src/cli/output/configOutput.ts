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

/** `config list`: one block per key, the value first, a `*` where it differs from the default. */
export function configListText(rows: readonly ConfigRow[]): string {
  const width = Math.max(...rows.map((row) => row.name.length));
  return rows
    .map((row) => {
      const changed = row.value !== row.default ? ' *' : '';
      return (
        `${row.name.padEnd(width)}  ${String(row.value)}${changed}\n` +
        `${''.padEnd(width)}  default ${String(row.default)}; ${row.range}\n` +
        `${''.padEnd(width)}  ${row.description}\n`
      );
    })
    .join('');
}
