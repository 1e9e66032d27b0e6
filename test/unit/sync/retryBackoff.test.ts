import { backoffDelay } from '../../../src/sync/retryBackoff.js';

describe('retry backoff', () => {
  const policy = { baseMs: 500, maxMs: 30_000 };

  it('draws a delay between a small floor and an exponentially growing cap (full jitter)', () => {
    expect(backoffDelay(0, policy, () => 1)).toBe(500);
    expect(backoffDelay(3, policy, () => 1)).toBe(4_000);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2_000);
    expect(backoffDelay(3, policy, () => 0)).toBe(50);
  });

  it('never exceeds the maximum, however many failures', () => {
    expect(backoffDelay(60, policy, () => 1)).toBe(30_000);
    for (let attempt = 0; attempt < 40; attempt++) expect(backoffDelay(attempt, policy)).toBeLessThanOrEqual(30_000);
  });
});
