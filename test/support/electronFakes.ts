import { EventEmitter } from 'node:events';

/**
 * Stand-ins for Electron objects: the Electron runtime cannot be downloaded on these machines
 * (docs/stack.md), so the shell's handlers are driven through these fakes, named as such.
 */

export class FakeElectronEvent {
  defaultPrevented = false;
  constructor(readonly fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type Handler = (...args: never[]) => unknown;

export class FakeElectronSession extends EventEmitter {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  spellChecker: boolean | null = null;
  beforeRequest: { filter: { urls: string[] }; handler: Handler } | null = null;
  headersReceived: Handler | null = null;
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, handler: Handler) => {
      this.beforeRequest = { filter, handler };
    },
    onHeadersReceived: (handler: Handler) => {
      this.headersReceived = handler;
    },
  };
  setPermissionRequestHandler(handler: Handler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler): void {
    this.devicePermissionHandler = handler;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }
}

export class FakeElectronWebContents extends EventEmitter {
  windowOpenHandler: Handler | null = null;
  zoomFactor = 1;
  visualZoomLimits: [number, number] | null = null;
  devToolsClosed = 0;
  loadedUrls: string[] = [];
  crashedByForce = 0;
  sent: { channel: string; message: unknown }[] = [];
  destroyed = false;
  constructor(readonly id = 1) {
    super();
  }
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  setZoomFactor(factor: number): void {
    this.zoomFactor = factor;
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.visualZoomLimits = [min, max];
    return Promise.resolve();
  }
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  forcefullyCrashRenderer(): void {
    this.crashedByForce++;
  }
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeElectronBrowserWindow extends EventEmitter {
  readonly webContents = new FakeElectronWebContents();
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** contextBridge stand-in: records what the preload exposes. */
export class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(name: string, api: unknown): void {
    if (this.exposed.has(name)) throw new Error(`${name} exposed twice`);
    this.exposed.set(name, api);
  }
}

/** ipcRenderer stand-in: records invocations and lets a test push events. */
export class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve({ ok: true, value: { echoed: channel } });
  }
}

/** ipcMain stand-in: keeps the registered handlers so a test can call them like Electron would. */
export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
}
