import type { MethodName } from '../../../src/contract/index.js';
import { createKioskApi, type KioskTransport } from '../../../renderer/shared/kioskApiClient.js';
import { createElectronKioskApi } from '../../../renderer/shared/electronKioskApi.js';
import { connectKioskApi } from '../../../renderer/shared/connectKioskApi.js';

/** A scripted in-memory transport (stand-in for IPC/WebSocket; the real socket is tested in integration). */
function scriptedTransport(answers: Partial<Record<MethodName, unknown>>) {
  const calls: { method: string; input: unknown }[] = [];
  let push: ((message: unknown) => void) | null = null;
  const transport: KioskTransport = {
    async call(method, input) {
      calls.push({ method, input });
      if (!(method in answers)) throw new Error('socket gone');
      return answers[method];
    },
    subscribe(listener) {
      push = listener;
      return () => (push = null);
    },
    close: () => undefined,
  };
  return { transport, calls, push: (m: unknown) => push?.(m) };
}

describe('renderer kiosk client', () => {
  it('sends {} for methods without input and returns the typed value', async () => {
    const t = scriptedTransport({ logout: { ok: true, value: { phase: 'idle' } } });
    const api = createKioskApi(t.transport);
    const result = await api.logout();
    expect(t.calls).toEqual([{ method: 'logout', input: {} }]);
    expect(result).toEqual({ ok: true, value: { phase: 'idle' } });
  });

  it('passes refusals through as error values', async () => {
    const refusal = { ok: false, error: { code: 'locked-out', message: 'Locked.', details: { lockedUntil: 1_900_000_000_000 } } };
    const api = createKioskApi(scriptedTransport({ presentCard: refusal }).transport);
    expect(await api.presentCard({ cardNumber: '0012' })).toEqual(refusal);
  });

  it('turns an unreadable answer into an internal error value', async () => {
    const api = createKioskApi(scriptedTransport({ getState: { ok: true, value: { pinHash: 'x' } } }).transport);
    const result = await api.getState();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('internal');
  });

  it('turns a transport failure into a disconnected error value', async () => {
    const api = createKioskApi(scriptedTransport({}).transport);
    const result = await api.touch();
    expect(result).toMatchObject({ ok: false, error: { code: 'disconnected' } });
  });

  it('delivers valid events to their listeners only, and drops malformed ones', () => {
    const t = scriptedTransport({});
    const api = createKioskApi(t.transport);
    const seen: unknown[] = [];
    const off = api.on('idleCountdown', (p) => seen.push(p));
    api.on('session', () => seen.push('wrong listener'));
    t.push({ event: 'idleCountdown', payload: { secondsLeft: 5 } });
    t.push({ event: 'idleCountdown', payload: { secondsLeft: 'soon' } });
    t.push({ event: 'nonsense', payload: {} });
    off();
    t.push({ event: 'idleCountdown', payload: { secondsLeft: 4 } });
    expect(seen).toEqual([{ secondsLeft: 5 }]);
  });

  it('refuses a preload bridge that lacks a method', () => {
    expect(() => createElectronKioskApi({ subscribe: () => () => undefined } as never)).toThrow(/lacks getState/);
  });

  it('finds no transport on a page opened without its token', () => {
    expect(connectKioskApi({ location: { origin: 'http://127.0.0.1:1', hash: '' } })).toBeNull();
  });
});
