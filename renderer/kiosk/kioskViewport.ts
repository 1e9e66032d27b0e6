import { BRIDGE_GLOBAL_NAME, KIOSK_WINDOW_PARAM } from '../../src/contract/index.js';

const LOCKED = ', maximum-scale=1, user-scalable=no';

/**
 * Pinch zoom is off only in a kiosk window (the Electron shell, or Chromium in kiosk mode, which
 * opens the page with `&kiosk=1`), where a stray two-finger touch must not leave the screen zoomed
 * for the next person. In an ordinary browser tab people may zoom (WCAG 1.4.4), so index.html
 * allows it and this adds the lock at start-up only where it belongs.
 */
export function lockZoomInKioskWindow(page: Window = window): boolean {
  const inElectron = BRIDGE_GLOBAL_NAME in page;
  const inKioskMode = new URLSearchParams(page.location.hash.replace(/^#/, '')).get(KIOSK_WINDOW_PARAM) === '1';
  const meta = page.document.querySelector<HTMLMetaElement>('meta[name="viewport"]');
  if (!meta || !(inElectron || inKioskMode)) return false;
  if (!meta.content.includes('maximum-scale')) meta.content += LOCKED;
  return true;
}
