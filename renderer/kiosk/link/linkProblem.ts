import type { ContractError } from '../../../src/contract/index.js';
import { noticeFromError, type Notice } from '../app/notice.js';
import type { PlainKey } from '../i18n/messages.js';

/**
 * Where a refusal of linkCard is shown: inline on the sign-in screen (the host kept it: try again)
 * or as a notice (the host ended at idle), per LINK_CARD_RETRY_CODES of the contract.
 */
export type LinkProblem = { readonly inline: PlainKey } | { readonly notice: Notice };

export function linkProblem(error: ContractError): LinkProblem {
  switch (error.code) {
    case 'invalid-credentials':
      return { inline: 'link.wrong' };
    case 'central-unreachable':
      return { inline: 'link.central' };
    case 'directory-unavailable':
      return { inline: 'link.directory' };
    case 'internal':
    case 'disconnected':
      return { inline: 'link.failed' };
    case 'card-in-use':
      return { notice: { kind: 'link-card-in-use' } };
    case 'not-found':
      return { notice: { kind: 'link-no-account' } };
    default:
      return { notice: noticeFromError(error) ?? { kind: 'generic' } };
  }
}
