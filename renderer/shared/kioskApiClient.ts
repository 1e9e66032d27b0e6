import {
  KIOSK_EVENTS,
  METHOD_NAMES,
  METHOD_RESULT_SCHEMAS,
  contractError,
  isEventName,
  type ContractError,
  type ContractResult,
  type EventName,
  type KioskApi,
  type KioskEventListener,
  type MethodName,
} from '../../src/contract/index.js';

/** What a transport must do; the client adds validation, typing and event dispatch on top. */
export interface KioskTransport {
  call(method: MethodName, input: unknown): Promise<unknown>;
  /** Raw `{ event, payload }` messages; returns the unsubscribe function. */
  subscribe(listener: (message: unknown) => void): () => void;
  close(): void;
}

function unreadable(method: string): ContractError {
  return contractError('internal', `The kiosk host sent an answer to ${method} that this screen cannot read.`);
}

/**
 * Typed KioskApi over any transport. Answers and events are parsed with the contract's schemas
 * (the host is trusted, but a version skew must show as an error value, not as a broken screen).
 * A transport failure resolves to a `disconnected` error value; nothing throws to the caller.
 */
export function createKioskApi(transport: KioskTransport): KioskApi {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const unsubscribeTransport = transport.subscribe((message) => {
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (!isEventName(event)) return;
    const parsed = KIOSK_EVENTS[event].safeParse(payload);
    if (!parsed.success) return;
    for (const listener of listeners.get(event) ?? []) listener(parsed.data);
  });

  async function call(method: MethodName, input: unknown): Promise<ContractResult<unknown>> {
    let raw: unknown;
    try {
      raw = await transport.call(method, input ?? {});
    } catch (error) {
      return { ok: false, error: contractError('disconnected', error instanceof Error ? error.message : 'The kiosk host cannot be reached.') };
    }
    const parsed = METHOD_RESULT_SCHEMAS[method].safeParse(raw);
    return parsed.success ? (parsed.data as ContractResult<unknown>) : { ok: false, error: unreadable(method) };
  }

  const api: Record<string, unknown> = {
    on<E extends EventName>(event: E, listener: KioskEventListener<E>): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    close(): void {
      unsubscribeTransport();
      listeners.clear();
      transport.close();
    },
  };
  for (const method of METHOD_NAMES) api[method] = (input?: unknown) => call(method, input);
  return api as KioskApi;
}
