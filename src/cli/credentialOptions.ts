import type { Credential } from '../core/index.js';
import { UsageError } from './cliCommand.js';

/** `--card C` (a swiped/tapped card) or `--id C` (an ID number typed on the keypad): exactly one. */
export const CREDENTIAL_OPTIONS = {
  card: { type: 'string' },
  id: { type: 'string' },
} as const;

export const CREDENTIAL_USAGE = '(--card C | --id C)';

export function credentialFrom(values: { readonly card?: string | undefined; readonly id?: string | undefined }): Credential {
  const { card, id } = values;
  if (card !== undefined && id !== undefined) throw new UsageError('Give either --card or --id, not both.');
  if (card !== undefined) {
    if (card === '') throw new UsageError('--card needs a Card/ID number.');
    return { via: 'card', cardNumber: card };
  }
  if (id !== undefined) {
    if (id === '') throw new UsageError('--id needs a Card/ID number.');
    return { via: 'id', cardNumber: id };
  }
  throw new UsageError('Missing --card C or --id C.');
}
