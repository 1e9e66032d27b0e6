import { useRef, type PointerEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

/** How long the corner must be held: long enough that nobody opens it by leaning on the screen. */
export const LONG_PRESS_MS = 2000;

/**
 * An unmarked target in the idle screen's top-left corner. Holding it opens the technician PIN
 * keypad; a tap does nothing. It never takes focus, so a keyboard-wedge swipe is not typed into it.
 */
export function TechnicianCorner(props: { readonly onLongPress: () => void; readonly holdMs?: number }) {
  const { t } = useI18n();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  const start = (event: PointerEvent) => {
    event.preventDefault();
    cancel();
    timer.current = setTimeout(() => {
      timer.current = null;
      props.onLongPress();
    }, props.holdMs ?? LONG_PRESS_MS);
  };
  return (
    <div
      className="technician-corner"
      role="button"
      aria-label={t('tech.corner')}
      data-testid="technician-corner"
      onPointerDown={start}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onContextMenu={(event) => event.preventDefault()}
    />
  );
}
