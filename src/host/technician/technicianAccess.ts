import { contractError, type ContractError, type TechnicianPhase } from '../../contract/index.js';
import {
  auditEvent,
  clearFailedAttempts,
  isLockedOut,
  parseTechnicianCards,
  registerFailedAttempt,
  type AuditDetails,
  type AuditEvent,
  type Clock,
  type ConfigSource,
  type PinHasher,
  type RandomSource,
  type Result,
  err,
  ok,
} from '../../core/index.js';
import type { TechnicianAudit, TechnicianLockStore } from './technicianPorts.js';

export interface TechnicianAccessDeps {
  readonly config: ConfigSource;
  readonly pinHasher: PinHasher;
  readonly lockStore: TechnicianLockStore;
  readonly audit: TechnicianAudit;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly kioskId: string | null;
}

/** How the PIN keypad was opened, for the audit row. */
export type EntryTrigger = 'corner' | 'card';

/**
 * Who may enter technician mode: the technician PIN (an argon2id hash in `technician.pin-hash`),
 * after a long press or a technician card. Wrong PINs count toward a lockout with the same keys as
 * user PINs (`auth.max-failed-pin-attempts`, `auth.lockout-minutes`), kept per kiosk. Every
 * attempt is audited; no PIN or hash ever reaches an error, a log or the audit.
 */
export class TechnicianAccess {
  private phaseNow: Exclude<TechnicianPhase, 'active'> | 'active' = 'off';
  private trigger: EntryTrigger = 'corner';
  /** PIN checks run one at a time, so two quick attempts cannot both pass the lock check. */
  private checking: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: TechnicianAccessDeps) {}

  get phase(): TechnicianPhase {
    return this.phaseNow;
  }

  pinConfigured(): boolean {
    return this.deps.config.get('technician.pin-hash') !== '';
  }

  lockedUntil(): number | null {
    const lock = this.deps.lockStore.read();
    return isLockedOut(lock, this.deps.clock.now()) ? lock.lockedUntil : null;
  }

  isTechnicianCard(cardNumber: string): boolean {
    return parseTechnicianCards(this.deps.config.get('technician.card-numbers')).includes(cardNumber);
  }

  /** Opens the PIN keypad. */
  requestEntry(trigger: EntryTrigger): Result<void, ContractError> {
    if (this.phaseNow === 'active') return ok(undefined);
    if (!this.pinConfigured()) {
      return err(contractError('not-found', 'No technician PIN is set on this kiosk; set one with `badgekiosk technician pin set` or in the central store.'));
    }
    const lockedUntil = this.lockedUntil();
    if (lockedUntil !== null) return err(this.lockedError(lockedUntil));
    this.phaseNow = 'pin';
    this.trigger = trigger;
    return ok(undefined);
  }

  enter(pin: string): Promise<Result<void, ContractError>> {
    const attempt = this.checking.then(() => this.check(pin));
    this.checking = attempt.catch(() => undefined);
    return attempt;
  }

  /** Back to off; audited when technician mode was active. */
  leave(reason: 'leave' | 'idle' | 'cancel'): void {
    const wasActive = this.phaseNow === 'active';
    this.phaseNow = 'off';
    if (wasActive) this.deps.audit.append(this.event('technician.exit', 'success', null, { reason }));
  }

  /** A configuration change made in technician mode (or by the CLI), for the audit. */
  changeEvent(details: AuditDetails): AuditEvent {
    return this.event('technician.change', 'success', null, details);
  }

  private async check(pin: string): Promise<Result<void, ContractError>> {
    if (this.phaseNow === 'active') return ok(undefined);
    if (this.phaseNow !== 'pin') return err(contractError('wrong-step', 'Open the technician keypad first.'));
    const hash = this.deps.config.get('technician.pin-hash');
    if (hash === '') return err(contractError('not-found', 'No technician PIN is set on this kiosk.'));
    const before = this.lockedUntil();
    if (before !== null) {
      this.phaseNow = 'off';
      return err(this.lockedError(before));
    }
    const matches = await this.deps.pinHasher.verify(hash, pin);
    const now = this.deps.clock.now();
    const lock = this.deps.lockStore.read();
    if (matches) {
      this.deps.lockStore.write(clearFailedAttempts(), this.event('technician.enter', 'success', null, { via: this.trigger }));
      this.phaseNow = 'active';
      return ok(undefined);
    }
    const policy = {
      maxAttempts: this.deps.config.get('auth.max-failed-pin-attempts'),
      lockoutMinutes: this.deps.config.get('auth.lockout-minutes'),
    };
    const outcome = registerFailedAttempt(lock, policy, now);
    const code = outcome.lockedNow ? 'locked-out' : 'wrong-pin';
    this.deps.lockStore.write(
      { failedAttempts: outcome.failedAttempts, lockedUntil: outcome.lockedUntil },
      this.event('technician.enter', 'failure', code, { via: this.trigger, attemptsLeft: outcome.attemptsLeft }),
    );
    if (outcome.lockedNow && outcome.lockedUntil !== null) {
      this.phaseNow = 'off';
      return err(this.lockedError(outcome.lockedUntil));
    }
    return err(contractError('wrong-pin', 'Wrong technician PIN.', { attemptsLeft: outcome.attemptsLeft }));
  }

  private lockedError(lockedUntil: number): ContractError {
    return contractError('locked-out', 'Too many wrong technician PINs; technician mode is locked for now.', { lockedUntil });
  }

  private event(kind: AuditEvent['kind'], outcome: AuditEvent['outcome'], code: 'wrong-pin' | 'locked-out' | null, details: AuditDetails): AuditEvent {
    return auditEvent({
      id: this.deps.random.uuid(),
      at: this.deps.clock.now(),
      kind,
      outcome,
      kioskId: this.deps.kioskId,
      code,
      details: { actor: 'technician', ...(details as Record<string, string | number | boolean>) } as AuditDetails,
    });
  }
}
