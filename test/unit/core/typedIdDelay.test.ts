import { NO_TYPED_ID_THROTTLE, TYPED_ID_QUIET_MS, throttleAfterFailure, typedIdDelayMs, typedIdWaitMs } from '../../../src/core/index.js';

const t0 = Date.parse('2026-05-04T09:00:00Z');

describe('the kiosk pause between typed-ID tries', () => {
  it('grows 0, 1, 2, 4, 8 … seconds with failures in a row, up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 40].map((n) => typedIdDelayMs(n, 30) / 1000)).toEqual([0, 1, 2, 4, 8, 16, 30, 30, 30]);
    expect(typedIdDelayMs(3, 3)).toBe(3000);
  });

  it('is off when auth.typed-id-max-delay-seconds is 0', () => {
    expect(typedIdDelayMs(10, 0)).toBe(0);
  });

  it('says how much of the pause is left after the last failure', () => {
    let throttle = NO_TYPED_ID_THROTTLE;
    expect(typedIdWaitMs(throttle, 30, t0)).toBe(0);
    for (let i = 0; i < 3; i++) throttle = throttleAfterFailure(throttle, t0);
    expect(throttle).toEqual({ failures: 3, lastFailureAt: t0 });
    expect(typedIdWaitMs(throttle, 30, t0 + 1000)).toBe(3000);
    expect(typedIdWaitMs(throttle, 30, t0 + 4000)).toBe(0);
  });

  it('starts again at no pause after a quiet spell', () => {
    let throttle = NO_TYPED_ID_THROTTLE;
    for (let i = 0; i < 6; i++) throttle = throttleAfterFailure(throttle, t0);
    expect(typedIdWaitMs(throttle, 30, t0 + TYPED_ID_QUIET_MS)).toBe(0);
    expect(throttleAfterFailure(throttle, t0 + TYPED_ID_QUIET_MS)).toEqual({ failures: 1, lastFailureAt: t0 + TYPED_ID_QUIET_MS });
  });
});
