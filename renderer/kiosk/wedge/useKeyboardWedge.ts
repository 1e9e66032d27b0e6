import { useEffect, useRef } from 'react';
import type { KeyboardWedgeDecoder } from './wedgeDecoder.js';

/**
 * Feeds every keydown of the page to the decoder while enabled and reports decoded cards. The
 * kiosk has no text fields, so keystrokes are never meant for a control: default actions are
 * suppressed, and a wedge's Enter cannot press a focused button.
 */
export function useKeyboardWedge(
  enabled: boolean,
  createDecoder: () => KeyboardWedgeDecoder,
  onCard: (cardNumber: string) => void,
): void {
  const onCardRef = useRef(onCard);
  onCardRef.current = onCard;
  useEffect(() => {
    if (!enabled) return;
    const decoder = createDecoder();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') event.preventDefault();
      const card = decoder.push({ code: event.code, key: event.key, shiftKey: event.shiftKey, at: event.timeStamp });
      if (card !== null) onCardRef.current(card);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled, createDecoder]);
}
