import { useCallback, useRef, useState } from 'react';

/**
 * Digits typed on a keypad, capped at maxLength; reset() forgets them (a PIN is not kept).
 * `current()` reads them synchronously: a physical Enter arrives in the same task as the digits
 * typed before it, before React has rendered them.
 */
export function useDigits(maxLength: number) {
  const [value, setValue] = useState('');
  const latest = useRef('');
  const set = useCallback((next: string) => {
    latest.current = next;
    setValue(next);
  }, []);
  const add = useCallback(
    (digit: string) => {
      if (latest.current.length < maxLength) set(latest.current + digit);
    },
    [maxLength, set],
  );
  const backspace = useCallback(() => set(latest.current.slice(0, -1)), [set]);
  const reset = useCallback(() => set(''), [set]);
  const current = useCallback(() => latest.current, []);
  return { value, add, backspace, reset, current };
}
