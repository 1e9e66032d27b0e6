import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Logger } from 'pino';
import { IPC_EVENT_CHANNEL, METHOD_NAMES, contractError, ipcChannelOf } from '../src/contract/index.js';
import type { KioskHost } from '../src/host/kioskHost.js';
import { isOwnPage } from './kioskLockdown.js';

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & { readonly sender: Pick<WebContents, 'id' | 'mainFrame'> };

/**
 * A call is served only from the kiosk window's own page in its main frame: never from a subframe,
 * another window, or a page that navigated elsewhere (VS Code's validatedIpcMain does the same).
 */
export function isTrustedSender(event: SenderEvent, kioskContentsId: number | null): boolean {
  const frame = event.senderFrame;
  if (!frame || kioskContentsId === null || event.sender.id !== kioskContentsId) return false;
  const main = event.sender.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isOwnPage(frame.url);
}

/**
 * One ipcMain handler per contract method (no generic channel), each checking the sender and
 * passing the payload to the host, which validates it. Host events go to the kiosk window only.
 */
export function registerKioskIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  host: KioskHost,
  logger: Logger,
  kioskContents: () => Pick<WebContents, 'id' | 'send' | 'isDestroyed'> | null,
): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannelOf(method), (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, kioskContents()?.id ?? null)) {
        logger.warn({ caller: 'ipc', method, url: event.senderFrame?.url.slice(0, 100) ?? null }, 'refused a call from an untrusted frame');
        return { ok: false, error: contractError('unauthorized', 'Calls are accepted from the kiosk page only.') };
      }
      return host.call(method, input, 'ipc');
    });
  }
  return host.subscribe((event) => {
    const contents = kioskContents();
    if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
  });
}
