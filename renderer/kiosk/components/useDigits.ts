import { useCallback, useState } from 'react';

/** Digits typed on a keypad, capped at maxLength; reset() forgets them (a PIN is not kept). */
export function useDigits(maxLength: number) {
  const [value, setValue] = useState('');
  const add = useCallback(
    (digit: string) => setValue((current) => (current.length >= maxLength ? current : current + digit)),
    [maxLength],
  );
  const backspace = useCallback(() => setValue((current) => current.slice(0, -1)), []);
  const reset = useCallback(() => setValue(''), []);
  return { value, add, backspace, reset };
}
