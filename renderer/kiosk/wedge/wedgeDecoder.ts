/** One physical keystroke as the renderer sees it (the KeyboardEvent fields a decoder needs). */
export interface WedgeKeystroke {
  /** `KeyboardEvent.code`: the physical key, whatever the OS layout. */
  readonly code: string;
  readonly shiftKey: boolean;
  /** `KeyboardEvent.timeStamp` (monotonic ms). */
  readonly timeStamp: number;
}

/** A reader's burst (a card) or keys a person typed (ignored: the kiosk has no text fields). */
export type WedgeOutcome = { readonly kind: 'card'; readonly text: string } | { readonly kind: 'typed'; readonly text: string };

/**
 * Turns keystrokes into card numbers: a reader types far faster than a person, so a fast burst is
 * a card. The app depends on this shape only; the shared pure decoder of src/devices
 * (keyboardWedgeDecoder.ts) is what main.tsx plugs in.
 */
export interface KeyboardWedgeDecoder {
  /** `controlFocused`: a control has keyboard focus, so a lone key is not swallowed until a burst shows. */
  keydown(key: WedgeKeystroke, controlFocused?: boolean): { readonly swallow: boolean; readonly outcomes: readonly WedgeOutcome[] };
  /** When silence() should be called next, for readers that send no terminator. */
  deadline(): number | undefined;
  silence(now: number): readonly WedgeOutcome[];
}
