import { METHOD_NAMES, type KioskApi, type KioskBridge } from '../../src/contract/index.js';
import { createKioskApi } from './kioskApiClient.js';

/** KioskApi over the Electron preload's `window.kiosk` (one named function per method). */
export function createElectronKioskApi(bridge: KioskBridge): KioskApi {
  for (const method of METHOD_NAMES) {
    if (typeof bridge[method] !== 'function') throw new Error(`The kiosk bridge lacks ${method}; preload and renderer are from different versions.`);
  }
  return createKioskApi({
    call: (method, input) => bridge[method](input),
    subscribe: (listener) => bridge.subscribe(listener),
    close: () => undefined,
  });
}
