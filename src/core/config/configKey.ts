import type { Result } from '../result.js';
import { err, ok } from '../result.js';

export type ConfigKeyType = 'boolean' | 'integer' | 'enum' | 'string';

interface KeyBase<T> {
  readonly name: string;
  readonly description: string;
  readonly default: T;
  /** The value is never shown: not in listings, refusals or audit rows (e.g. the technician PIN hash). */
  readonly secret?: boolean;
}

export interface BooleanKey extends KeyBase<boolean> {
  readonly type: 'boolean';
}
export interface IntegerKey extends KeyBase<number> {
  readonly type: 'integer';
  readonly min: number;
  readonly max: number;
}
export interface EnumKey<V extends string = string> extends KeyBase<V> {
  readonly type: 'enum';
  readonly values: readonly V[];
}
export interface StringKey extends KeyBase<string> {
  readonly type: 'string';
  /** Human-readable statement of what is allowed, used in refusals. */
  readonly allowed: string;
  readonly check: (value: string) => boolean;
}

export type ConfigKeyDefinition = BooleanKey | IntegerKey | EnumKey | StringKey;

/** "range" text used in listings and in every refusal, so the message names what is allowed. */
export function describeRange(key: ConfigKeyDefinition): string {
  switch (key.type) {
    case 'boolean':
      return 'true or false';
    case 'integer':
      return `an integer from ${key.min} to ${key.max}`;
    case 'enum':
      return `one of ${key.values.join(', ')}`;
    case 'string':
      return key.allowed;
    default: {
      const never: never = key;
      return never;
    }
  }
}

/** Parses text (CLI, CSV, HTTP) or an already-typed JSON value into the key's type. */
export function parseKeyValue(key: ConfigKeyDefinition, raw: unknown): Result<boolean | number | string, string> {
  // A secret key's value (a hash) is never echoed back.
  const shown = key.secret ? 'given' : JSON.stringify(raw);
  const refuse = () => err(`Invalid value ${shown} for ${key.name}: expected ${describeRange(key)}.`);
  switch (key.type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return ok(raw);
      if (raw === 'true') return ok(true);
      if (raw === 'false') return ok(false);
      return refuse();
    }
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      if (!Number.isSafeInteger(n) || n < key.min || n > key.max) return refuse();
      return ok(n);
    }
    case 'enum': {
      if (typeof raw === 'string' && (key.values as readonly string[]).includes(raw)) return ok(raw);
      return refuse();
    }
    case 'string': {
      if (typeof raw === 'string' && key.check(raw)) return ok(raw);
      return refuse();
    }
    default: {
      const never: never = key;
      return never;
    }
  }
}

/** A value as listings, answers and audit rows show it: a secret key only says whether it is set. */
export function shownConfigValue(key: ConfigKeyDefinition, value: boolean | number | string): boolean | number | string {
  if (!key.secret) return value;
  return value === '' ? '(not set)' : '(set)';
}
