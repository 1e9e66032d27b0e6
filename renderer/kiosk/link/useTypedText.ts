import { useCallback, useRef, useState } from 'react';

/**
 * Text typed on the on-screen keyboard, capped at maxLength; reset() forgets it (a password is not
 * kept after submit). `current()` reads it synchronously, as useDigits does for a physical Enter.
 */
export function useTypedText(maxLength: number) {
  const [value, setValue] = useState('');
  const latest = useRef('');
  const set = useCallback((next: string) => {
    latest.current = next.slice(0, maxLength);
    setValue(latest.current);
  }, [maxLength]);
  const add = useCallback((text: string) => set(latest.current + text), [set]);
  const backspace = useCallback(() => set(Array.from(latest.current).slice(0, -1).join('')), [set]);
  const reset = useCallback(() => set(''), [set]);
  const current = useCallback(() => latest.current, []);
  return { value, set, add, backspace, reset, current };
}
