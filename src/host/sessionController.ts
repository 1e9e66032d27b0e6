import type { ContractError, ContractResult, KioskEvent, MethodOutput, SessionState, SessionUser, SignOutReason } from '../contract/index.js';
import { contractError } from '../contract/index.js';
import { onCardPresented, startKioskSession } from '../core/index.js';
import type { AllowedActions, CardChanged, Credential, DomainError, PublicUser, Result, SelfService, SignedIn } from '../core/index.js';
import { CARD_LINKED_NOT_LOADED, linkRefusal, type CardLinker } from './cardLinking.js';
import { IdleTimer, type IdleSettings } from './idleTimer.js';

/** Where the session is, with what the host keeps and the renderer never sees (the credential). */
type Session =
  | { readonly phase: 'idle' }
  | { readonly phase: 'enter-pin' | 'set-pin'; readonly credential: Credential }
  | { readonly phase: 'link-card'; readonly cardNumber: string }
  | { readonly phase: 'signed-in'; readonly userId: string; readonly user: SessionUser; readonly allowed: AllowedActions };

export interface SessionControllerDeps {
  readonly selfService: SelfService;
  readonly idleSettings: () => IdleSettings;
  readonly emit: (event: KioskEvent) => void;
  /** Card self-association (enrolled kiosks): `enabled` reads card-id.self-association at each swipe. */
  readonly cardLinking?: { readonly linker: CardLinker; readonly enabled: () => boolean };
}

type Answer<M extends keyof MethodOutputs> = ContractResult<MethodOutputs[M]>;
interface MethodOutputs {
  session: SessionState;
  card: MethodOutput<'regenerateCard'>;
}

/** After one of these refusals the person stays on the same keypad and may try again. */
const RETRY_PIN = new Set(['wrong-pin', 'invalid-credentials', 'typed-id-wait']);
const RETRY_NEW_PIN = new Set(['pin-policy', 'pin-mismatch']);

function sessionUser(user: PublicUser): SessionUser {
  return { username: user.username, displayName: user.displayName, primaryCard: user.primaryCard, secondaryCard: user.secondaryCard };
}

function refusal(error: DomainError): { ok: false; error: ContractError } {
  return { ok: false, error: contractError(error.code, error.message, error.details) };
}

/**
 * One kiosk's session: the host owns it, the renderer draws it. Every operation runs in one queue,
 * so two taps (or a tap and a host-side card) can never interleave half-way through an argon2
 * check. Each change is announced as a `session` event before the answer goes back.
 */
export class SessionController {
  private session: Session = { phase: 'idle' };
  /** Counts sign-ins, so "once per sign-in" (print.release-all-on-login) can be told apart. */
  private signIns = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly idle: IdleTimer;

  constructor(private readonly deps: SessionControllerDeps) {
    this.idle = new IdleTimer(deps.idleSettings, {
      countdown: (secondsLeft) => deps.emit({ event: 'idleCountdown', payload: { secondsLeft } }),
      expire: () => void this.serial(async () => this.end('idle')),
    });
  }

  /** The signed-in user's id and username (print release acts for them) and which sign-in this is, or undefined. */
  signedInUser(): { readonly id: string; readonly username: string; readonly signIn: number } | undefined {
    const s = this.session;
    return s.phase === 'signed-in' ? { id: s.userId, username: s.user.username, signIn: this.signIns } : undefined;
  }

  state(): SessionState {
    const s = this.session;
    switch (s.phase) {
      case 'idle':
        return { phase: 'idle' };
      case 'enter-pin':
      case 'set-pin':
        return { phase: s.phase, via: s.credential.via };
      case 'link-card':
        return { phase: 'link-card' };
      case 'signed-in':
        return { phase: 'signed-in', user: s.user, allowed: s.allowed };
      default: {
        const never: never = s;
        return never;
      }
    }
  }

  presentCard(cardNumber: string): Promise<Answer<'session'>> {
    return this.serial(async () => {
      const s = this.session;
      if (s.phase === 'signed-in') {
        // The rule itself is the domain's (src/core/kioskSession.ts); the host only carries it out.
        const swipe = onCardPresented(startKioskSession(s.userId, [s.user.primaryCard, s.user.secondaryCard], 0), cardNumber);
        if (swipe.action === 'logout') return this.end('second-swipe');
        this.end('other-card');
      } else if (s.phase === 'link-card' && s.cardNumber !== cardNumber) {
        // Another card at the link screen is another person: nothing typed there may carry over.
        this.end('other-card');
      } else if (s.phase === 'link-card' ? s.cardNumber === cardNumber : s.phase !== 'idle' && s.credential.via === 'card' && s.credential.cardNumber === cardNumber) {
        this.idle.restart();
        return { ok: true, value: this.state() };
      }
      const identified = await this.deps.selfService.identifyCard(cardNumber);
      if (!identified.ok && identified.error.code === 'unknown-card' && this.deps.cardLinking?.enabled()) return this.move({ phase: 'link-card', cardNumber });
      if (!identified.ok) return this.fail(identified.error, 'idle');
      const credential: Credential = { via: 'card', cardNumber };
      if (identified.value.next === 'signed-in') {
        const allowed = this.deps.selfService.allowedActions(identified.value.user.id);
        if (!allowed.ok) return this.fail(allowed.error, 'idle');
        return this.signIn({ user: identified.value.user, allowed: allowed.value });
      }
      return this.move({ phase: identified.value.next, credential });
    });
  }

  beginTypedId(idNumber: string): Promise<Answer<'session'>> {
    return this.serial(async () => {
      if (this.session.phase === 'signed-in') return this.wrongStep('Sign out before typing an ID number.');
      return this.move({ phase: 'enter-pin', credential: { via: 'id', cardNumber: idNumber } });
    });
  }

  submitPin(pin: string): Promise<Answer<'session'>> {
    return this.serial(async () => {
      const s = this.session;
      if (s.phase !== 'enter-pin') return this.wrongStep('There is no PIN to enter now.');
      this.idle.restart();
      const result = await this.deps.selfService.authenticate(s.credential, pin);
      if (result.ok) return this.signIn(result.value);
      if (result.error.code === 'pin-not-set') return this.move({ phase: 'set-pin', credential: s.credential });
      return this.fail(result.error, RETRY_PIN.has(result.error.code) ? 'stay' : 'idle');
    });
  }

  setFirstPin(newPin: string, confirmPin: string): Promise<Answer<'session'>> {
    return this.serial(async () => {
      const s = this.session;
      if (s.phase !== 'set-pin') return this.wrongStep('There is no first PIN to set now.');
      this.idle.restart();
      const result = await this.deps.selfService.setFirstPin(s.credential, newPin, confirmPin);
      if (result.ok) return this.signIn(result.value);
      return this.fail(result.error, RETRY_NEW_PIN.has(result.error.code) ? 'stay' : 'idle');
    });
  }

  changePin(currentPin: string, newPin: string, confirmPin: string): Promise<Answer<'session'>> {
    return this.signedInStep((userId) => this.deps.selfService.changePin(userId, currentPin, newPin, confirmPin));
  }

  checkCurrentPin(currentPin: string): Promise<Answer<'session'>> {
    return this.signedInStep((userId) => this.deps.selfService.checkCurrentPin(userId, currentPin));
  }

  checkCard(cardNumber: string): Promise<Answer<'session'>> {
    return this.signedInStep((userId) => this.deps.selfService.checkTypedCard(userId, cardNumber));
  }

  /** A signed-in step answered with the session; a lockout or a disabled user ends the session. */
  private signedInStep(run: (userId: string) => Promise<Result<void, DomainError>>): Promise<Answer<'session'>> {
    return this.serial(async () => {
      const s = this.session;
      if (s.phase !== 'signed-in') return this.noSession();
      this.idle.restart();
      const result = await run(s.userId);
      if (result.ok) return { ok: true, value: this.state() };
      if (result.error.code === 'locked-out' || result.error.code === 'user-disabled') {
        this.end('locked-out');
        return refusal(result.error);
      }
      return refusal(result.error);
    });
  }

  regenerateCard(): Promise<Answer<'card'>> {
    return this.changeCard((userId) => this.deps.selfService.regenerateCard(userId));
  }

  setCard(cardNumber: string): Promise<Answer<'card'>> {
    return this.changeCard((userId) => this.deps.selfService.setCard(userId, cardNumber));
  }

  /**
   * The unknown card's owner signed in with their directory password: the central store checks it
   * and links the card, the pull brings the card here, then a first PIN (if none) or the session.
   * The password goes on in this call and is kept nowhere. A user with a PIN is signed in without
   * it: the directory password is the stronger proof, and the swipe showed the card.
   */
  linkCard(username: string, password: string): Promise<Answer<'session'>> {
    return this.serial(async () => {
      const s = this.session;
      const linking = this.deps.cardLinking;
      if (s.phase !== 'link-card' || !linking) return this.wrongStep('There is no card to link now.');
      this.idle.restart();
      const answer = await linking.linker.selfAssociate({ cardNumber: s.cardNumber, username, password });
      if (!answer.ok) {
        const { error, retry } = linkRefusal(answer.error);
        if (!retry) this.toIdle();
        return { ok: false, error };
      }
      const identified = await this.deps.selfService.identifyCard(s.cardNumber);
      if (!identified.ok && identified.error.code === 'unknown-card') {
        // The central store linked it, but the pull that brings it here failed: not "unknown".
        this.toIdle();
        return { ok: false, error: contractError('card-linked-not-loaded', CARD_LINKED_NOT_LOADED) };
      }
      if (!identified.ok) return this.fail(identified.error, 'idle');
      if (identified.value.next === 'set-pin') return this.move({ phase: 'set-pin', credential: { via: 'card', cardNumber: s.cardNumber } });
      const allowed = this.deps.selfService.allowedActions(identified.value.user.id);
      if (!allowed.ok) return this.fail(allowed.error, 'idle');
      return this.signIn({ user: identified.value.user, allowed: allowed.value });
    });
  }

  touch(): void {
    if (this.session.phase !== 'idle') this.idle.restart();
  }

  logout(): Promise<Answer<'session'>> {
    return this.serial(async () => this.end(this.session.phase === 'signed-in' ? 'logout' : 'cancel'));
  }

  cancel(): Promise<Answer<'session'>> {
    return this.serial(async () => this.end('cancel'));
  }

  /** Stops the idle timer for good (host shutdown). */
  close(): void {
    this.idle.stop();
    this.session = { phase: 'idle' };
  }

  private changeCard(run: (userId: string) => Promise<Result<CardChanged, DomainError>>): Promise<Answer<'card'>> {
    return this.serial(async () => {
      const s = this.session;
      if (s.phase !== 'signed-in') return this.noSession();
      this.idle.restart();
      const result = await run(s.userId);
      if (!result.ok) return refusal(result.error);
      const { field, cardNumber, changesLeftToday } = result.value;
      const user = field === 'primary' ? { ...s.user, primaryCard: cardNumber } : { ...s.user, secondaryCard: cardNumber };
      this.move({ ...s, user, allowed: { ...s.allowed, changesLeftToday } });
      return { ok: true, value: { field, cardNumber, changesLeftToday } };
    });
  }

  private signIn(signedIn: SignedIn): Answer<'session'> {
    this.signIns++;
    return this.move({ phase: 'signed-in', userId: signedIn.user.id, user: sessionUser(signedIn.user), allowed: signedIn.allowed });
  }

  private move(next: Session): Answer<'session'> {
    this.session = next;
    this.idle.restart();
    this.announce(null);
    return { ok: true, value: this.state() };
  }

  /** Back to idle; a sign-out reason is announced only if there was something to end. */
  private end(reason: SignOutReason): Answer<'session'> {
    const wasActive = this.session.phase !== 'idle';
    this.session = { phase: 'idle' };
    this.idle.stop();
    if (wasActive) this.announce(reason);
    return { ok: true, value: this.state() };
  }

  private fail(error: DomainError, then: 'stay' | 'idle'): { ok: false; error: ContractError } {
    if (then === 'idle') this.toIdle();
    return refusal(error);
  }

  /** A refusal ended the half-way session: back to idle without a sign-out reason. */
  private toIdle(): void {
    if (this.session.phase === 'idle') return;
    this.session = { phase: 'idle' };
    this.idle.stop();
    this.announce(null);
  }

  private announce(reason: SignOutReason | null): void {
    this.deps.emit({ event: 'session', payload: { session: this.state(), signedOut: reason === null ? null : { reason } } });
  }

  private wrongStep(message: string): { ok: false; error: ContractError } {
    return { ok: false, error: contractError('wrong-step', message, { phase: this.session.phase }) };
  }

  private noSession(): { ok: false; error: ContractError } {
    return { ok: false, error: contractError('no-session', 'Nobody is signed in at this kiosk.') };
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
