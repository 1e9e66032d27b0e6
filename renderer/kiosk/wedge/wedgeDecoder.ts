/** One physical keystroke as the renderer sees it (KeyboardEvent fields the decoder needs). */
export interface WedgeKeystroke {
  readonly code: string;
  readonly key: string;
  readonly shiftKey: boolean;
  /** Milliseconds, monotonic (KeyboardEvent.timeStamp). */
  readonly at: number;
}

/**
 * Turns keystrokes into card numbers: a reader types far faster than a person, so a fast burst
 * ended by Enter is a card; anything slower is dropped. The app depends on this interface only,
 * so the shared pure decoder of src/devices can stand behind it.
 */
export interface KeyboardWedgeDecoder {
  /** A card number when this keystroke completes one, else null. */
  push(keystroke: WedgeKeystroke): string | null;
}
