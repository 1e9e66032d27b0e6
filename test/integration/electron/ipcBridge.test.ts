import { IPC_EVENT_CHANNEL, METHOD_NAMES, ipcChannelOf } from '../../../src/contract/index.js';
import { isTrustedSender, registerKioskIpc } from '../../../electron/ipcBridge.js';
import { APP_START_URL } from '../../../electron/kioskLockdown.js';
import { FakeElectronWebContents, FakeIpcMain } from '../../support/electronFakes.js';
import { openHostKiosk, type HostKiosk } from '../../support/hostKiosk.js';

const mainFrame = { url: APP_START_URL, parent: null, processId: 4, routingId: 1 };
const fromKioskPage = (frame: object = mainFrame, senderId = 1) => ({ senderFrame: frame, sender: { id: senderId, mainFrame } });

describe('IPC sender check', () => {
  it('accepts the kiosk page in its main frame', () => {
    expect(isTrustedSender(fromKioskPage() as never, 1)).toBe(true);
  });

  it('refuses subframes, other pages, other windows and destroyed frames', () => {
    expect(isTrustedSender(fromKioskPage({ ...mainFrame, parent: mainFrame, routingId: 2 }) as never, 1)).toBe(false);
    expect(isTrustedSender(fromKioskPage({ ...mainFrame, url: 'https://evil.example/' }) as never, 1)).toBe(false);
    expect(isTrustedSender(fromKioskPage(mainFrame, 2) as never, 1)).toBe(false);
    expect(isTrustedSender({ senderFrame: null, sender: { id: 1, mainFrame } } as never, 1)).toBe(false);
    expect(isTrustedSender(fromKioskPage() as never, null)).toBe(false);
  });
});

describe('IPC bridge to a real host (stand-in ipcMain: no Electron runtime here)', () => {
  let kiosk: HostKiosk;
  const ipcMain = new FakeIpcMain();
  const contents = new FakeElectronWebContents(1);
  beforeAll(async () => {
    kiosk = await openHostKiosk();
    registerKioskIpc(ipcMain as never, kiosk.runtime.host, kiosk.logger, () => contents);
  });
  afterAll(() => kiosk.close());

  it('registers exactly one channel per contract method', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannelOf).sort());
  });

  it('passes a trusted call to the host, which validates the payload', async () => {
    const getState = ipcMain.handlers.get('kiosk:getState')!;
    expect(await getState(fromKioskPage(), {})).toMatchObject({ ok: true, value: { session: { phase: 'idle' } } });
    const submitPin = ipcMain.handlers.get('kiosk:submitPin')!;
    expect(await submitPin(fromKioskPage(), { pin: ['2580'] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('refuses an untrusted frame with an error value and logs it', async () => {
    const presentCard = ipcMain.handlers.get('kiosk:presentCard')!;
    const answer = await presentCard(fromKioskPage({ ...mainFrame, url: 'https://evil.example/' }), { cardNumber: '0004521337' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(kiosk.logs.find('refused a call from an untrusted frame')).toMatchObject({ method: 'presentCard' });
    expect((await kiosk.call('getState')).value.session.phase).toBe('idle');
  });

  it('sends host events to the kiosk window on the event channel', async () => {
    await ipcMain.handlers.get('kiosk:presentCard')!(fromKioskPage(), { cardNumber: '0004521337' });
    expect(contents.sent.at(-1)).toEqual({
      channel: IPC_EVENT_CHANNEL,
      message: { event: 'session', payload: { session: { phase: 'enter-pin', via: 'card' }, signedOut: null } },
    });
  });
});
