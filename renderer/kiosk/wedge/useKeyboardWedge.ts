import { useEffect, useRef } from 'react';
import type { KeyboardWedgeDecoder, WedgeOutcome } from './wedgeDecoder.js';

/**
 * Feeds every keydown of the page to the decoder while enabled and reports decoded cards. The
 * kiosk has no text fields, so keystrokes are never meant for a control: default actions are
 * suppressed (a wedge's Enter must not press a focused button), except Tab for keyboard users.
 */
export function useKeyboardWedge(
  enabled: boolean,
  createDecoder: () => KeyboardWedgeDecoder,
  onCard: (cardNumber: string) => void,
  /** Keys typed too slowly for a reader (technician mode shows them in its live view). */
  onTyped?: (text: string) => void,
): void {
  const onCardRef = useRef(onCard);
  onCardRef.current = onCard;
  const onTypedRef = useRef(onTyped);
  onTypedRef.current = onTyped;
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
      const result = decoder.keydown({ code: event.code, shiftKey: event.shiftKey, timeStamp: event.timeStamp });
      if (event.key !== 'Tab' || result.swallow) event.preventDefault();
      report(result.outcomes);
      armSilence();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      clearTimeout(silenceTimer);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, [enabled, createDecoder]);
}
