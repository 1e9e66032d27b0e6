import {
  IDLE_SESSION,
  expireIfIdle,
  idleDeadline,
  onCardPresented,
  sessionCountdown,
  startKioskSession,
  touchKioskSession,
} from '../../../src/core/index.js';

const timings = { idleTimeoutSeconds: 60, idleWarningSeconds: 10 };
const t0 = 1_000_000;

describe('kiosk session rules', () => {
  it('sets the idle deadline kiosk.idle-timeout-seconds after the last activity', () => {
    const session = startKioskSession('u1', ['1234', null], t0);
    expect(idleDeadline(session, timings)).toBe(t0 + 60_000);
    expect(idleDeadline(touchKioskSession(session, t0 + 5_000), timings)).toBe(t0 + 65_000);
    expect(idleDeadline(IDLE_SESSION, timings)).toBeNull();
  });

  it('shows the countdown only in the last kiosk.idle-warning-seconds', () => {
    const session = startKioskSession('u1', ['1234'], t0);
    expect(sessionCountdown(session, timings, t0 + 49_999)).toEqual({ warning: false, secondsLeft: 11, expired: false });
    expect(sessionCountdown(session, timings, t0 + 50_000)).toEqual({ warning: true, secondsLeft: 10, expired: false });
    expect(sessionCountdown(session, timings, t0 + 59_001)).toEqual({ warning: true, secondsLeft: 1, expired: false });
  });

  it('logs out at the idle deadline', () => {
    const session = startKioskSession('u1', ['1234'], t0);
    expect(expireIfIdle(session, timings, t0 + 59_999)).toEqual({ session, ended: null });
    expect(expireIfIdle(session, timings, t0 + 60_000)).toEqual({ session: IDLE_SESSION, ended: 'idle-timeout' });
  });

  it('logs out on a second swipe of the signed-in user\u2019s card, either field', () => {
    const session = startKioskSession('u1', ['1234', '98765'], t0);
    expect(onCardPresented(session, '1234')).toEqual({ action: 'logout', reason: 'same-card' });
    expect(onCardPresented(session, '98765')).toEqual({ action: 'logout', reason: 'same-card' });
  });

  it('switches to identifying another card, and identifies any card when idle', () => {
    expect(onCardPresented(startKioskSession('u1', ['1234'], t0), '5555')).toEqual({ action: 'logout-then-identify', reason: 'other-card' });
    expect(onCardPresented(IDLE_SESSION, '1234')).toEqual({ action: 'identify' });
  });

  it('does not move the deadline backwards on a late activity report', () => {
    const session = touchKioskSession(startKioskSession('u1', [], t0 + 10_000), t0);
    expect(idleDeadline(session, timings)).toBe(t0 + 70_000);
  });
});
