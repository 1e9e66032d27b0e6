export interface IdleSettings {
  readonly timeoutSeconds: number;
  /** The last this-many seconds are counted down on screen. */
  readonly warningSeconds: number;
}

export interface IdleTimerHandlers {
  /** Each second of the warning window (secondsLeft ≥ 1), and null when activity stops the countdown. */
  countdown(secondsLeft: number | null): void;
  /** Time is up: the session logs out. */
  expire(): void;
}

/**
 * Idle logout with a visible countdown: quiet until `timeout − warning` seconds after the last
 * activity, then one tick per second. Activity restarts it; stop() ends it (session back to idle).
 * Whole seconds on purpose: the countdown on screen and the logout agree to the second.
 */
export class IdleTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private counting = false;

  constructor(
    private readonly settings: () => IdleSettings,
    private readonly handlers: IdleTimerHandlers,
  ) {}

  /** Activity (or a session that just began): restart the full timeout. */
  restart(): void {
    const wasCounting = this.counting;
    this.clear();
    if (wasCounting) this.handlers.countdown(null);
    const { timeoutSeconds, warningSeconds } = this.settings();
    const warning = Math.max(0, Math.min(warningSeconds, timeoutSeconds));
    this.timer = setTimeout(() => this.tick(warning), (timeoutSeconds - warning) * 1000);
  }

  stop(): void {
    const wasCounting = this.counting;
    this.clear();
    if (wasCounting) this.handlers.countdown(null);
  }

  get running(): boolean {
    return this.timer !== null;
  }

  private tick(secondsLeft: number): void {
    if (secondsLeft <= 0) {
      this.clear();
      this.handlers.expire();
      return;
    }
    this.counting = true;
    this.handlers.countdown(secondsLeft);
    this.timer = setTimeout(() => this.tick(secondsLeft - 1), 1000);
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.counting = false;
  }
}
