import { fail, type DomainError } from './domainError.js';
import { ok, type Result } from './result.js';
import { PIN_POLICY_MESSAGES as M } from './selfServiceMessages.js';

export interface PinPolicy {
  readonly minLength: number;
  readonly maxLength: number;
}

export type PinPolicyRule = 'digits-only' | 'min-length' | 'max-length' | 'all-same' | 'sequence' | 'same-as-current';

/** Each step is +1 (1234) or each is -1 (9876); no wrap-around, so 8901 is allowed. */
function isStraightRun(pin: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add(pin.charCodeAt(i) - pin.charCodeAt(i - 1));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
}

/**
 * PIN policy of DESIGN §3. Messages describe the rule in words and never repeat the PIN;
 * details.rule names the rule so a renderer can translate it.
 */
export function validatePinPolicy(pin: string, policy: PinPolicy, currentPin?: string): Result<void, DomainError> {
  const refuse = (rule: PinPolicyRule, message: string) =>
    fail('pin-policy', message, { rule, minLength: policy.minLength, maxLength: policy.maxLength });
  if (!/^[0-9]+$/.test(pin)) return refuse('digits-only', M.digitsOnly);
  if (pin.length < policy.minLength) return refuse('min-length', M.length(policy.minLength, policy.maxLength));
  if (pin.length > policy.maxLength) return refuse('max-length', M.length(policy.minLength, policy.maxLength));
  if (/^(\d)\1*$/.test(pin)) return refuse('all-same', M.allSame);
  if (isStraightRun(pin)) return refuse('sequence', M.sequence);
  if (currentPin !== undefined && pin === currentPin) return refuse('same-as-current', M.sameAsCurrent);
  return ok(undefined);
}
