import { characterForCode } from './keyboardWedgeKeys.js';

/**
 * Tells a keyboard-mode reader's burst from a person typing (readers.md §2.4), from keydown
 * events the kiosk window receives. Works on every OS without drivers. Pure and clock-free: the
 * caller passes `event.timeStamp` (monotonic) and calls `silence(now)` when `deadline()` passes.
 */
export interface WedgeKey {
  /** `KeyboardEvent.code`: the physical key, independent of the OS layout. */
  readonly code: string;
  readonly shiftKey: boolean;
  /** `KeyboardEvent.timeStamp` in ms (monotonic, not Date.now()). */
  readonly timeStamp: number;
}

export interface KeyboardWedgeOptions {
  /** Shortest record accepted as a card (short decimal IDs exist). */
  readonly minLength: number;
  readonly maxLength: number;
  /** Reader if the average gap between keys is at most this… */
  readonly maxAverageGapMs: number;
  /** …and no gap exceeds this (readers hold each key ~16 ms + release ~16 ms). */
  readonly maxGapMs: number;
  /** A record without terminator ends after this much silence. */
  readonly silenceMs: number;
  /** Codes that end a record. */
  readonly terminators: readonly string[];
  /** Optional configured prefix/suffix characters make detection deterministic; stripped from the card. */
  readonly prefix: string;
  readonly suffix: string;
}

/** readers.md §2.4 "Recommended kiosk defaults". */
export const KEYBOARD_WEDGE_DEFAULTS: KeyboardWedgeOptions = {
  minLength: 4,
  maxLength: 64,
  maxAverageGapMs: 50,
  maxGapMs: 100,
  silenceMs: 150,
  terminators: ['Enter', 'NumpadEnter', 'Tab'],
  prefix: '',
  suffix: '',
};

export type WedgeOutcome =
  /** A reader's burst: the card's record text (prefix/suffix stripped). */
  | {
      readonly kind: 'card';
      readonly text: string;
      readonly startedAt: number;
      readonly endedAt: number;
      /** Leading characters that were not swallowed (typed into a focused field before the burst showed): remove them. */
      readonly leaked: string;
    }
  /**
   * A person typing (or a burst that failed the rules). `swallowed` is the part of `text` whose
   * keydowns were swallowed, so the caller can give it back to the focused field.
   */
  | { readonly kind: 'typed'; readonly text: string; readonly swallowed: string };

export interface WedgeKeyResult {
  /** Whether the caller should preventDefault() this keydown. */
  readonly swallow: boolean;
  readonly outcomes: readonly WedgeOutcome[];
}

interface Burst {
  chars: string[];
  times: number[];
  /** Index of the first swallowed character; undefined while none is. */
  swallowedFrom: number | undefined;
}

export class KeyboardWedgeDecoder {
  readonly options: KeyboardWedgeOptions;
  private burst: Burst | undefined;

  constructor(options: Partial<KeyboardWedgeOptions> = {}) {
    this.options = { ...KEYBOARD_WEDGE_DEFAULTS, ...options };
    const { minLength, maxLength, maxAverageGapMs, maxGapMs, silenceMs } = this.options;
    for (const [name, value] of Object.entries({ minLength, maxLength, maxAverageGapMs, maxGapMs, silenceMs })) {
      if (!Number.isFinite(value) || value < 0) throw new RangeError(`keyboard wedge ${name} must be a non-negative number`);
    }
    if (minLength > maxLength) throw new RangeError('keyboard wedge minLength must not exceed maxLength');
  }

  /**
   * One keydown. `fieldFocused`: a text field has focus, so a lone key is a person's until a fast
   * second key shows a burst; with no field focused every character is swallowed.
   */
  keydown(key: WedgeKey, fieldFocused = false): WedgeKeyResult {
    const outcomes: WedgeOutcome[] = [];
    if (this.burst && key.timeStamp - this.burst.times.at(-1)! > this.options.maxGapMs) {
      outcomes.push(this.classify(this.burst, undefined));
      this.burst = undefined;
    }
    if (this.options.terminators.includes(key.code)) {
      if (!this.burst) return { swallow: false, outcomes };
      const outcome = this.classify(this.burst, key.timeStamp);
      this.burst = undefined;
      outcomes.push(outcome);
      return { swallow: outcome.kind === 'card', outcomes };
    }
    const character = characterForCode(key.code, key.shiftKey);
    if (character === undefined) {
      // Modifiers alone type nothing; any other key (Backspace, arrows) is a person.
      if (!/^(Shift|Control|Alt|Meta)(Left|Right)$|^CapsLock$|^NumLock$/.test(key.code) && this.burst) {
        outcomes.push(this.classify(this.burst, undefined));
        this.burst = undefined;
      }
      return { swallow: false, outcomes };
    }
    if (!this.burst) this.burst = { chars: [], times: [], swallowedFrom: fieldFocused ? undefined : 0 };
    const burst = this.burst;
    burst.chars.push(character);
    burst.times.push(key.timeStamp);
    // A second key within maxGapMs makes it a burst: swallow from here on.
    burst.swallowedFrom ??= burst.chars.length >= 2 ? burst.chars.length - 1 : undefined;
    const swallow = burst.swallowedFrom !== undefined;
    if (burst.chars.length > this.options.maxLength) {
      outcomes.push(this.classify(burst, undefined));
      this.burst = undefined;
    }
    return { swallow, outcomes };
  }

  /** When the caller should call silence() next (undefined: nothing pending). */
  deadline(): number | undefined {
    return this.burst ? this.burst.times.at(-1)! + this.options.silenceMs : undefined;
  }

  /** Ends a burst after `silenceMs` without keys (readers configured without a terminator). */
  silence(now: number): WedgeOutcome[] {
    const deadline = this.deadline();
    if (!this.burst || deadline === undefined || now < deadline) return [];
    const outcome = this.classify(this.burst, undefined);
    this.burst = undefined;
    return [outcome];
  }

  private classify(burst: Burst, terminatorAt: number | undefined): WedgeOutcome {
    const text = burst.chars.join('');
    const swallowed = burst.swallowedFrom === undefined ? '' : text.slice(burst.swallowedFrom);
    const leaked = text.slice(0, text.length - swallowed.length);
    const typed: WedgeOutcome = { kind: 'typed', text, swallowed };
    const times = terminatorAt === undefined ? burst.times : [...burst.times, terminatorAt];
    if (times.length < 2) return typed;
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    const average = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    if (average > this.options.maxAverageGapMs || Math.max(...gaps) > this.options.maxGapMs) return typed;
    const { prefix, suffix, minLength, maxLength } = this.options;
    if (!text.startsWith(prefix) || !text.endsWith(suffix) || text.length < prefix.length + suffix.length) return typed;
    const card = text.slice(prefix.length, text.length - suffix.length);
    if (card.length < minLength || card.length > maxLength) return typed;
    return { kind: 'card', text: card, startedAt: burst.times[0]!, endedAt: times.at(-1)!, leaked };
  }
}
