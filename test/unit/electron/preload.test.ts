import { IPC_EVENT_CHANNEL, METHOD_NAMES } from '../../../src/contract/index.js';
import { FakeContextBridge, FakeIpcRenderer } from '../../support/electronFakes.js';

// The real electron/preload.ts, loaded with stand-ins for the two Electron modules it uses
// (the Electron runtime cannot run here).
const fakes = vi.hoisted(() => ({ contextBridge: null as unknown, ipcRenderer: null as unknown }));
vi.mock('electron', () => fakes);

async function loadPreload() {
  vi.resetModules();
  const contextBridge = new FakeContextBridge();
  const ipcRenderer = new FakeIpcRenderer();
  fakes.contextBridge = contextBridge;
  fakes.ipcRenderer = ipcRenderer;
  await import('../../../electron/preload.js');
  return { contextBridge, ipcRenderer, kiosk: contextBridge.exposed.get('kiosk') as Record<string, (...args: unknown[]) => unknown> };
}

describe('Electron preload', () => {
  it('exposes window.kiosk and nothing else', async () => {
    const { contextBridge } = await loadPreload();
    expect([...contextBridge.exposed.keys()]).toEqual(['kiosk']);
  });

  it('exposes exactly one function per contract method, plus subscribe', async () => {
    const { kiosk } = await loadPreload();
    expect(Object.keys(kiosk).sort()).toEqual([...METHOD_NAMES, 'subscribe'].sort());
    for (const name of Object.keys(kiosk)) expect(typeof kiosk[name], name).toBe('function');
    expect(Object.isFrozen(kiosk)).toBe(true);
  });

  it('sends each method on its own channel with only its one input', async () => {
    const { kiosk, ipcRenderer } = await loadPreload();
    await kiosk.submitPin!({ pin: '2580' }, 'smuggled', { more: 1 });
    await kiosk.getState!();
    expect(ipcRenderer.invocations).toEqual([
      { channel: 'kiosk:submitPin', args: [{ pin: '2580' }] },
      { channel: 'kiosk:getState', args: [undefined] },
    ]);
  });

  it('delivers events without the IPC event object, and unsubscribes', async () => {
    const { kiosk, ipcRenderer } = await loadPreload();
    const seen: unknown[][] = [];
    const off = kiosk.subscribe!((...args: unknown[]) => seen.push(args)) as () => void;
    ipcRenderer.emit(IPC_EVENT_CHANNEL, { sender: 'secret ipc internals' }, { event: 'idleCountdown', payload: { secondsLeft: 3 } });
    off();
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, { event: 'idleCountdown', payload: { secondsLeft: 2 } });
    expect(seen).toEqual([[{ event: 'idleCountdown', payload: { secondsLeft: 3 } }]]);
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });

  it('refuses a subscribe without a listener', async () => {
    const { kiosk } = await loadPreload();
    expect(() => kiosk.subscribe!('not a function')).toThrow(/listener/);
  });
});
