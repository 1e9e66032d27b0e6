export interface CrashPolicyOptions {
  /** Reload delays after successive crashes, ms. */
  readonly backoffMs: readonly number[];
  /** This many crashes inside the window → out of service. */
  readonly maxCrashes: number;
  readonly windowMs: number;
}

export const DEFAULT_CRASH_POLICY: CrashPolicyOptions = {
  backoffMs: [1_000, 2_000, 5_000, 15_000, 30_000],
  maxCrashes: 5,
  windowMs: 10 * 60_000,
};

export type CrashAction = { readonly action: 'reload'; readonly delayMs: number } | { readonly action: 'out-of-service' };

/**
 * What to do when the renderer dies or hangs: reload after a growing delay, and after repeated
 * crashes in a short time stop trying and show the out-of-service page (a crash loop on a kiosk
 * is worse than an honest "out of service" screen). Crashes older than the window are forgotten.
 */
export class CrashPolicy {
  private crashes: number[] = [];

  constructor(private readonly options: CrashPolicyOptions = DEFAULT_CRASH_POLICY) {}

  onCrash(now: number): CrashAction {
    this.crashes = this.crashes.filter((at) => now - at < this.options.windowMs);
    this.crashes.push(now);
    if (this.crashes.length >= this.options.maxCrashes) return { action: 'out-of-service' };
    const step = Math.min(this.crashes.length - 1, this.options.backoffMs.length - 1);
    return { action: 'reload', delayMs: this.options.backoffMs[step]! };
  }

  /** A technician restored service (or the app restarted): start counting afresh. */
  reset(): void {
    this.crashes = [];
  }
}
