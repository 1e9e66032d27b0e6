import type { ContractError } from '../../../src/contract/index.js';
import type { I18n } from '../i18n/I18nProvider.js';

export interface PinLengths {
  readonly min: number;
  readonly max: number;
}

/**
 * Policy refusals explained in words, in the kiosk's language: an unknown rule still gets a
 * sentence (never the host's English message).
 */
export function pinPolicyText(error: ContractError, t: I18n['t'], lengths: PinLengths): string {
  if (error.code === 'pin-mismatch') return t('pinPolicy.mismatch');
  // details.rule names the broken rule (src/core pinPolicy: PinPolicyRule); lengths come along.
  const min = typeof error.details?.minLength === 'number' ? error.details.minLength : lengths.min;
  const max = typeof error.details?.maxLength === 'number' ? error.details.maxLength : lengths.max;
  switch (error.details?.rule) {
    case 'min-length':
    case 'max-length':
      return t('pinPolicy.length')(min, max);
    case 'digits-only':
      return t('pinPolicy.digits');
    case 'all-same':
      return t('pinPolicy.allSame');
    case 'sequence':
      return t('pinPolicy.sequence');
    case 'same-as-current':
      return t('pinPolicy.reuse');
    default:
      return t('pinPolicy.generic');
  }
}

/** Text shown inside the Card/ID flow for a refusal that lets the user try another number. */
export function cardProblemText(error: ContractError, t: I18n['t']): string {
  return error.code === 'card-in-use' ? t('error.cardInUse') : t('error.invalidCardNumber');
}
