/**
 * The kiosk's session rules (DESIGN §3), pure so the host, the renderer and tests share them:
 * a session ends after `kiosk.idle-timeout-seconds` without activity, the last
 * `kiosk.idle-warning-seconds` of which show a countdown; presenting a card of the signed-in user
 * again logs out; another user's card ends this session and starts identifying the new one.
 */

export interface SessionTimings {
  readonly idleTimeoutSeconds: number;
  readonly idleWarningSeconds: number;
}

export type KioskSession =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'active';
      readonly userId: string;
      /** The signed-in user's Card/ID numbers: presenting any of them again logs out. */
      readonly cards: readonly string[];
      readonly lastActivityAt: number;
    };

export type SessionEndReason = 'idle-timeout' | 'same-card' | 'other-card' | 'user';

export const IDLE_SESSION: KioskSession = { phase: 'idle' };

export function startKioskSession(userId: string, cards: readonly (string | null)[], now: number): KioskSession {
  return { phase: 'active', userId, cards: cards.filter((card): card is string => card !== null), lastActivityAt: now };
}

/** A touch or key press keeps the session alive. */
export function touchKioskSession(session: KioskSession, now: number): KioskSession {
  return session.phase === 'active' ? { ...session, lastActivityAt: Math.max(session.lastActivityAt, now) } : session;
}

/** Epoch ms at which the session logs out for idleness, or null when nobody is signed in. */
export function idleDeadline(session: KioskSession, timings: SessionTimings): number | null {
  return session.phase === 'active' ? session.lastActivityAt + timings.idleTimeoutSeconds * 1000 : null;
}

export interface SessionCountdown {
  /** True in the last idle-warning-seconds: the UI shows the countdown. */
  readonly warning: boolean;
  /** Whole seconds until logout, rounded up (never shows 0 while still signed in). */
  readonly secondsLeft: number;
  readonly expired: boolean;
}

export function sessionCountdown(session: KioskSession, timings: SessionTimings, now: number): SessionCountdown | null {
  const deadline = idleDeadline(session, timings);
  if (deadline === null) return null;
  const msLeft = deadline - now;
  if (msLeft <= 0) return { warning: true, secondsLeft: 0, expired: true };
  const secondsLeft = Math.ceil(msLeft / 1000);
  return { warning: msLeft <= timings.idleWarningSeconds * 1000, secondsLeft, expired: false };
}

export type CardPresentedAction =
  | { readonly action: 'identify' }
  | { readonly action: 'logout'; readonly reason: 'same-card' }
  | { readonly action: 'logout-then-identify'; readonly reason: 'other-card' };

/** What a swipe means now: sign-in when idle, logout for the user's own card, switch for another. */
export function onCardPresented(session: KioskSession, cardNumber: string): CardPresentedAction {
  if (session.phase === 'idle') return { action: 'identify' };
  if (session.cards.includes(cardNumber)) return { action: 'logout', reason: 'same-card' };
  return { action: 'logout-then-identify', reason: 'other-card' };
}

/** Called on a timer: returns the idle session and the reason when the deadline has passed. */
export function expireIfIdle(
  session: KioskSession,
  timings: SessionTimings,
  now: number,
): { readonly session: KioskSession; readonly ended: SessionEndReason | null } {
  const countdown = sessionCountdown(session, timings, now);
  return countdown?.expired ? { session: IDLE_SESSION, ended: 'idle-timeout' } : { session, ended: null };
}
