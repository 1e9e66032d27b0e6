import {
  selfAssociationResponseSchema,
  type SelfAssociationRequest,
  type SelfAssociationResponse,
} from '../protocol/selfAssociation.js';
import type { CentralHttpClient } from './centralHttpClient.js';

export interface SelfAssociationRefusal {
  /** The central store's code (invalid-credentials, card-in-use, daily-limit, locked-out, …) or central-unreachable. */
  readonly code: string;
  readonly message: string;
  /** The central store's facts for the screen (locked-out: lockedUntil), when it gave any. */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

export type SelfAssociationOutcome = { readonly ok: true; readonly value: SelfAssociationResponse } | { readonly ok: false; readonly error: SelfAssociationRefusal };

export const SELF_ASSOCIATION_UNREACHABLE = 'Linking a card needs the central store, which cannot be reached right now. Please try again later.';

/**
 * Card self-association from an enrolled kiosk (issue 14): the username and password go once to
 * the central store, which checks them against the directory; nothing is queued, because a link
 * needs the directory and the site's uniqueness and daily-limit rules now. Never logs the password.
 */
export async function requestSelfAssociation(client: CentralHttpClient, request: SelfAssociationRequest, timeoutMs = 15_000): Promise<SelfAssociationOutcome> {
  let response: Response;
  try {
    response = await fetch(client.url('/api/v1/kiosk/self-associate'), {
      method: 'POST',
      headers: client.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, error: { code: 'central-unreachable', message: SELF_ASSOCIATION_UNREACHABLE } };
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = selfAssociationResponseSchema.safeParse(payload);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { code: 'central-unreachable', message: SELF_ASSOCIATION_UNREACHABLE } };
  }
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (response.status >= 500 && error?.code !== 'directory-unavailable') return { ok: false, error: { code: 'central-unreachable', message: SELF_ASSOCIATION_UNREACHABLE } };
  const details = detailsOf(error?.details);
  return {
    ok: false,
    error: {
      code: typeof error?.code === 'string' ? error.code : `http-${response.status}`,
      message: typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`,
      ...(details ? { details } : {}),
    },
  };
}

function detailsOf(value: unknown): Record<string, string | number | boolean> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof entry[1]));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
