// @vitest-environment jsdom
import { lockZoomInKioskWindow } from '../../../renderer/kiosk/kioskViewport.js';

function viewport(): HTMLMetaElement {
  document.head.innerHTML = '<meta name="viewport" content="width=device-width, initial-scale=1" />';
  return document.querySelector('meta[name="viewport"]')!;
}

describe('pinch zoom is locked in kiosk windows only', () => {
  afterEach(() => {
    window.location.hash = '';
    delete (window as unknown as { kiosk?: unknown }).kiosk;
  });

  it('leaves zoom alone in an ordinary browser tab (WCAG 1.4.4)', () => {
    const meta = viewport();
    window.location.hash = '#token=abc';
    expect(lockZoomInKioskWindow()).toBe(false);
    expect(meta.content).toBe('width=device-width, initial-scale=1');
  });

  it('locks it in Chromium kiosk mode (&kiosk=1) and in the Electron shell (window.kiosk)', () => {
    let meta = viewport();
    window.location.hash = '#token=abc&kiosk=1';
    expect(lockZoomInKioskWindow()).toBe(true);
    expect(meta.content).toBe('width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no');
    window.location.hash = '';
    meta = viewport();
    (window as unknown as { kiosk: unknown }).kiosk = {};
    expect(lockZoomInKioskWindow()).toBe(true);
    expect(meta.content).toContain('maximum-scale=1');
  });
});
