import { useEffect, useRef, useState } from 'react';

export interface ScreenTimeoutSettings {
  readonly timeoutSeconds: number;
  readonly warningSeconds: number;
}

/**
 * Idle timeout for screens the host knows nothing about (the ID-entry keypad runs while the host's
 * session is still idle, so the host's idle timer is not running). Same rules as the host's
 * IdleTimer: quiet until `timeout − warning` seconds after the last touch or key, then a countdown
 * of whole seconds, then `onExpire`. Returns the seconds left while counting down, else null, and
 * a `stay` that restarts it (the countdown's button).
 */
export function useScreenTimeout(active: boolean, settings: ScreenTimeoutSettings, onExpire: () => void): { secondsLeft: number | null; stay: () => void } {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const [restarts, setRestarts] = useState(0);
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;
  const { timeoutSeconds, warningSeconds } = settings;

  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const warning = Math.max(0, Math.min(warningSeconds, timeoutSeconds));
    const tick = (left: number) => {
      if (left <= 0) {
        setSecondsLeft(null);
        onExpireRef.current();
        return;
      }
      setSecondsLeft(left);
      timer = setTimeout(() => tick(left - 1), 1000);
    };
    const restart = () => {
      clearTimeout(timer);
      setSecondsLeft(null);
      timer = setTimeout(() => tick(warning), (timeoutSeconds - warning) * 1000);
    };
    restart();
    window.addEventListener('pointerdown', restart, true);
    window.addEventListener('keydown', restart, true);
    return () => {
      clearTimeout(timer);
      setSecondsLeft(null);
      window.removeEventListener('pointerdown', restart, true);
      window.removeEventListener('keydown', restart, true);
    };
  }, [active, timeoutSeconds, warningSeconds, restarts]);

  return { secondsLeft: active ? secondsLeft : null, stay: () => setRestarts((n) => n + 1) };
}
