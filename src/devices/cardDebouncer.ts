import { CONFIG_KEYS } from '../core/config/configRegistry.js';

export const DEFAULT_DEBOUNCE_MS = CONFIG_KEYS['reader.debounce-ms'].default;

/**
 * One swipe per card presence: readers repeat a card while it stays in the field (RDM6300 about
 * every 50 ms, readers.md §1.5), so a repeat of the same record within `windowMs` of the previous
 * read of it is dropped, and each repeat extends the window (like TWN4's "absent for CARDTIMEOUT").
 */
export class CardDebouncer {
  private last: { key: string; at: number } | undefined;

  constructor(readonly windowMs: number = DEFAULT_DEBOUNCE_MS) {
    if (!Number.isFinite(windowMs) || windowMs < 0) throw new RangeError('debounce window must be a non-negative number of ms');
  }

  /** True when this read is a new swipe; `at` is a monotonic ms clock. */
  accept(key: string, at: number): boolean {
    const repeat = this.last !== undefined && this.last.key === key && at - this.last.at < this.windowMs;
    this.last = { key, at };
    return !repeat;
  }

  reset(): void {
    this.last = undefined;
  }
}
