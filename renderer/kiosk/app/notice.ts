import type { ContractError } from '../../../src/contract/index.js';

/**
 * A full-screen message after a refusal: what happened and what to do next. Refusals that belong
 * inside a flow (PIN policy, numbers differ, number in use) stay inline instead; see inlineProblem.
 */
export type Notice =
  | { readonly kind: 'unknown-card' }
  /** lastTry: the next wrong try locks this typed ID number. */
  | { readonly kind: 'invalid-credentials'; readonly lastTry: boolean }
  | { readonly kind: 'wrong-pin'; readonly attemptsLeft: number | null }
  /** typedId: the typed number is locked, not the account (a card swipe still works). */
  | { readonly kind: 'locked-out'; readonly until: number | null; readonly typedId: boolean }
  | { readonly kind: 'typed-id-wait'; readonly seconds: number | null }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'daily-limit' }
  | { readonly kind: 'central-unreachable' }
  | { readonly kind: 'card-change-unconfirmed' }
  | { readonly kind: 'new-pin-needs-card' }
  | { readonly kind: 'not-allowed' }
  /** Card self-association (renderer/kiosk/link): the card is someone else's, or the directory user has no account. */
  | { readonly kind: 'link-card-in-use' }
  | { readonly kind: 'link-no-account' }
  /** Linked centrally, not yet on this kiosk: swipe again in a minute. */
  | { readonly kind: 'link-not-loaded' }
  | { readonly kind: 'generic' };

function numberDetail(error: ContractError, name: string): number | null {
  const value = error.details?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The notice for an error code, or null when the current flow shows the problem inline. */
export function noticeFromError(error: ContractError): Notice | null {
  switch (error.code) {
    case 'unknown-card':
      return { kind: 'unknown-card' };
    case 'invalid-credentials':
      return { kind: 'invalid-credentials', lastTry: numberDetail(error, 'attemptsLeft') === 1 };
    case 'wrong-pin':
      return { kind: 'wrong-pin', attemptsLeft: numberDetail(error, 'attemptsLeft') };
    case 'locked-out':
      return { kind: 'locked-out', until: numberDetail(error, 'lockedUntil'), typedId: error.details?.['typedId'] === true };
    case 'typed-id-wait':
      return { kind: 'typed-id-wait', seconds: numberDetail(error, 'waitSeconds') };
    case 'user-disabled':
      return { kind: 'disabled' };
    case 'daily-limit':
      return { kind: 'daily-limit' };
    case 'central-unreachable':
      return { kind: 'central-unreachable' };
    case 'card-change-unconfirmed':
      return { kind: 'card-change-unconfirmed' };
    case 'new-pin-needs-card':
      return { kind: 'new-pin-needs-card' };
    case 'pin-change-not-allowed':
    case 'card-change-not-allowed':
    case 'manual-card-not-allowed':
      return { kind: 'not-allowed' };
    case 'pin-policy':
    case 'pin-mismatch':
    case 'card-in-use':
    case 'invalid-card-number':
      return null;
    case 'pin-not-set':
    case 'pin-already-set':
    case 'not-found':
    case 'conflict':
    case 'invalid-input':
    // Transport codes: the session event that follows puts the screens right; say so plainly.
    case 'bad-request':
    case 'unknown-method':
    case 'unauthorized':
    case 'no-session':
    case 'wrong-step':
    case 'disconnected':
    case 'internal':
    // Only card self-association answers this, and its screen shows it inline.
    case 'directory-unavailable':
      return { kind: 'generic' };
    case 'card-linked-not-loaded':
      return { kind: 'link-not-loaded' };
    default: {
      const never: never = error.code;
      return never;
    }
  }
}
