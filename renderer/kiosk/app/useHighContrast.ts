import { useCallback, useEffect, useState } from 'react';

/** The class on <html> that switches kiosk.css to its high-contrast, large-text look. */
export const HIGH_CONTRAST_CLASS = 'high-contrast';

/**
 * The idle screen's high-contrast, large-text option: on <html>, so the page background and the
 * status bar follow too. Like the language, it is one person's choice: it ends with their session.
 */
export function useHighContrast(): { readonly on: boolean; readonly toggle: () => void; readonly reset: () => void } {
  const [on, setOn] = useState(false);
  useEffect(() => {
    document.documentElement.classList.toggle(HIGH_CONTRAST_CLASS, on);
  }, [on]);
  const toggle = useCallback(() => setOn((current) => !current), []);
  const reset = useCallback(() => setOn(false), []);
  return { on, toggle, reset };
}
