import { BRIDGE_GLOBAL_NAME, TOKEN_PARAM, type KioskApi, type KioskBridge } from '../../src/contract/index.js';
import { createElectronKioskApi } from './electronKioskApi.js';
import { createWebSocketKioskApi } from './webSocketKioskApi.js';

export interface PageEnvironment {
  readonly location: { readonly origin: string; readonly hash: string };
  readonly [BRIDGE_GLOBAL_NAME]?: KioskBridge;
}

/**
 * The renderer's one entry point to the host: the Electron preload's `window.kiosk` when present,
 * else web mode with the per-launch token from the page URL's hash (`#token=…`). Returns null when
 * neither exists (the page was opened by hand without its token): show "open the URL printed by
 * badgekiosk start".
 */
export function connectKioskApi(page: PageEnvironment = window as unknown as PageEnvironment): KioskApi | null {
  const bridge = page[BRIDGE_GLOBAL_NAME];
  if (bridge) return createElectronKioskApi(bridge);
  const token = new URLSearchParams(page.location.hash.replace(/^#/, '')).get(TOKEN_PARAM);
  if (!token) return null;
  return createWebSocketKioskApi({ origin: page.location.origin, token });
}
