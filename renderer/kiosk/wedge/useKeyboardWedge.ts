import { useEffect, useRef } from 'react';
import type { KeyboardWedgeDecoder, WedgeOutcome } from './wedgeDecoder.js';

/** What Enter and Space act on (a focused heading, which every new screen has, is none of them). */
const CONTROLS = 'button, [role="button"], [role="tab"], a[href], input, select, textarea';

/**
 * Feeds every keydown of the page to the decoder while enabled and reports decoded cards. The
 * kiosk has no text fields, so keystrokes are rarely meant for a control: default actions are
 * suppressed (a wedge's Enter must not press a focused button), except Tab, and Enter or Space
 * on a focused control when the decoder does not take the key for part of a reader's burst.
 */
export function useKeyboardWedge(
  enabled: boolean,
  createDecoder: () => KeyboardWedgeDecoder,
  onCard: (cardNumber: string) => void,
  /** Keys typed too slowly for a reader (technician mode shows them in its live view). */
  onTyped?: (text: string) => void,
  /** A person's Enter or Backspace with no control focused (a focused control gets its own default action). */
  onPersonKey?: (key: 'Enter' | 'Backspace') => void,
): void {
  const onCardRef = useRef(onCard);
  onCardRef.current = onCard;
  const onTypedRef = useRef(onTyped);
  onTypedRef.current = onTyped;
  const onPersonKeyRef = useRef(onPersonKey);
  onPersonKeyRef.current = onPersonKey;
  useEffect(() => {
    if (!enabled) return;
    const decoder = createDecoder();
    let silenceTimer: ReturnType<typeof setTimeout> | undefined;
    const report = (outcomes: readonly WedgeOutcome[]) => {
      for (const outcome of outcomes) {
        if (outcome.kind === 'card') onCardRef.current(outcome.text);
        else onTypedRef.current?.(outcome.text);
      }
    };
    // Readers configured without a terminator end a card with silence: ask the decoder then.
    const armSilence = () => {
      clearTimeout(silenceTimer);
      const deadline = decoder.deadline();
      if (deadline === undefined) return;
      // The timer firing is the silence: a clock reading a hair before the deadline must not lose the card.
      silenceTimer = setTimeout(() => report(decoder.silence(Math.max(performance.now(), deadline))), Math.max(0, deadline - performance.now()) + 1);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // A control with keyboard focus: a lone key is a person's until a fast second key shows a burst.
      const focused = document.activeElement?.closest(CONTROLS) != null;
      const result = decoder.keydown({ code: event.code, shiftKey: event.shiftKey, timeStamp: event.timeStamp }, focused);
      // Keyboard users keep Tab, and Enter or Space on a focused control; everything else a reader
      // might type is held back from the page.
      const keyboardUse = event.key === 'Tab' || (focused && (event.key === 'Enter' || event.key === ' '));
      if (result.swallow || !keyboardUse) event.preventDefault();
      report(result.outcomes);
      if (!result.swallow && !focused && (event.key === 'Enter' || event.key === 'Backspace')) onPersonKeyRef.current?.(event.key);
      armSilence();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      clearTimeout(silenceTimer);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, [enabled, createDecoder]);
}
