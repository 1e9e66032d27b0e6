import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL_NAME, BRIDGE_SUBSCRIBE } from '../src/contract/kioskApi.js';
import { IPC_EVENT_CHANNEL, ipcChannelOf } from '../src/contract/ipcChannels.js';
import { METHOD_NAMES } from '../src/contract/methodNames.js';

/**
 * `window.kiosk`: one named function per contract method (no generic send), and `subscribe` for
 * events. Each function forwards only its single input argument; the main process validates it.
 */
export function buildKioskBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Record<string, unknown> {
  const bridge: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    const channel = ipcChannelOf(method);
    bridge[method] = (input: unknown) => ipc.invoke(channel, input);
  }
  bridge[BRIDGE_SUBSCRIBE] = (listener: (message: unknown) => void) => {
    if (typeof listener !== 'function') throw new TypeError('subscribe needs a listener function');
    // The IPC event object (with its sender) stays in the preload; the page gets the message only.
    const forward = (_event: IpcRendererEvent, message: unknown) => listener(message);
    ipc.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipc.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  };
  return Object.freeze(bridge);
}

export function exposeKioskBridge(contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): void {
  contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, buildKioskBridge(ipc));
}
