import { contractError, LINK_CARD_RETRY_CODES, type ContractError, type ContractErrorCode } from '../contract/index.js';
import type { SelfAssociationRequest } from '../protocol/selfAssociation.js';
import { SELF_ASSOCIATION_UNREACHABLE, type SelfAssociationOutcome, type SelfAssociationRefusal } from '../sync/selfAssociationClient.js';

/** The central store's side of card self-association, as the host sees it (the sync client's selfAssociate). */
export interface CardLinker {
  selfAssociate(request: SelfAssociationRequest): Promise<SelfAssociationOutcome>;
}

/**
 * The link before the sync client is up: an enrolled kiosk serves its replica at once and links
 * in the background, so a card claimed in the first moments is answered "needs the central store".
 */
export class DeferredCardLinker implements CardLinker {
  private target: CardLinker | null = null;

  connect(target: CardLinker | null): void {
    this.target = target;
  }

  selfAssociate(request: SelfAssociationRequest): Promise<SelfAssociationOutcome> {
    if (this.target) return this.target.selfAssociate(request);
    return Promise.resolve({ ok: false, error: { code: 'central-unreachable', message: SELF_ASSOCIATION_UNREACHABLE } });
  }
}

/** The link was made centrally, but the pull that brings the card to this kiosk failed. */
export const CARD_LINKED_NOT_LOADED = 'Your card is now linked to your account, but this kiosk has not received it yet. Please swipe it again in a minute.';

/** The central store's codes that mean the same on the kiosk; directory-not-configured reads as "not allowed here". */
const SAME_CODE: ReadonlySet<string> = new Set<ContractErrorCode>([
  'invalid-credentials', 'central-unreachable', 'directory-unavailable', 'locked-out', 'user-disabled', 'daily-limit', 'card-in-use',
  'not-found', 'card-change-not-allowed', 'invalid-card-number',
]);

/** A central refusal as the contract's error value; unknown codes (a rate limit, say) become `internal`, which may be retried. */
export function linkRefusal(refusal: SelfAssociationRefusal): { readonly error: ContractError; readonly retry: boolean } {
  const code: ContractErrorCode = SAME_CODE.has(refusal.code)
    ? (refusal.code as ContractErrorCode)
    : refusal.code === 'directory-not-configured' ? 'card-change-not-allowed' : 'internal';
  return { error: contractError(code, refusal.message, refusal.details), retry: LINK_CARD_RETRY_CODES.includes(code) };
}
