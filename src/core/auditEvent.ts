import type { AuditEvent, AuditKind, AuditOutcome } from './audit.js';
import type { DomainErrorCode } from './domainError.js';

/** Detail keys that would carry a secret: refused by the type and again at run time. */
const SECRET_KEYS = ['pin', 'newPin', 'currentPin', 'confirmPin', 'oldPin', 'pinHash', 'hash', 'secret', 'pepper'] as const;
type SecretKey = (typeof SECRET_KEYS)[number];

export type AuditDetails = Readonly<Record<string, string | number | boolean>> & { readonly [K in SecretKey]?: never };

export interface AuditEventInput {
  readonly id: string;
  readonly at: number;
  readonly kind: AuditKind;
  readonly outcome: AuditOutcome;
  /** Only id and username are read, so passing a whole User cannot leak its PIN hash. */
  readonly user?: { readonly id: string; readonly username: string } | null;
  readonly kioskId: string | null;
  readonly code?: DomainErrorCode | null;
  readonly details?: AuditDetails;
}

const secretKeyPattern = new RegExp(`^(${SECRET_KEYS.join('|')})$`, 'i');

/**
 * The one way audit events are made. Throws (a programming error, never user input) when details
 * hold a secret-named key or anything shaped like an argon2 PHC string.
 */
export function auditEvent(input: AuditEventInput): AuditEvent {
  const details: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(input.details ?? {})) {
    if (secretKeyPattern.test(key)) throw new Error(`Audit details may not carry "${key}".`);
    if (typeof value === 'string' && value.includes('$argon2')) throw new Error(`Audit detail "${key}" looks like a PIN hash.`);
    details[key] = value;
  }
  return {
    id: input.id,
    at: input.at,
    kind: input.kind,
    outcome: input.outcome,
    userId: input.user?.id ?? null,
    username: input.user?.username ?? null,
    kioskId: input.kioskId,
    code: input.code ?? null,
    details,
  };
}
