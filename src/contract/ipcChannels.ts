/** Electron: one IPC channel per method, `kiosk:<method>`, and one channel for events (zod-free for the preload). */
export const IPC_METHOD_PREFIX = 'kiosk:';
export const IPC_EVENT_CHANNEL = 'kiosk-event';

export function ipcChannelOf(method: string): string {
  return IPC_METHOD_PREFIX + method;
}
