import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cliCommand.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs with strict checking, turning its errors into UsageError so every command
 * answers bad arguments the same way (message, usage, exit 2).
 */
export function parseOptions<O extends Options>(argv: readonly string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function requireOption(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`Missing required option ${flag}.`);
  return value;
}

export function integerOption(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}.`);
  }
  return Number(value);
}
