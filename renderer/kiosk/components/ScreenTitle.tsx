import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A screen's heading. It takes focus when the screen appears, so a screen reader reads the new
 * screen at once instead of staying on a button that no longer exists. (Focus only moves when
 * nothing inside the new screen already has it, such as a notice's action button.)
 */
export function ScreenTitle(props: { readonly id: string; readonly children: ReactNode; readonly live?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const screen = ref.current?.closest('section');
    if (ref.current && !screen?.contains(document.activeElement)) ref.current.focus({ preventScroll: true });
  }, []);
  return (
    <h1 id={props.id} ref={ref} tabIndex={-1} {...(props.live ? { 'aria-live': 'polite' as const } : {})}>
      {props.children}
    </h1>
  );
}
