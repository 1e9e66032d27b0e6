import type { ContractResult } from './contractError.js';
import type { EventName, EventPayload } from './kioskEvents.js';
import type { MethodInput, MethodOutput } from './kioskMethods.js';
import type { MethodName } from './methodNames.js';

/** Methods without input may be called with no argument. */
type CallArgs<M extends MethodName> = Record<string, never> extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>];

export type KioskCall<M extends MethodName> = (...args: CallArgs<M>) => Promise<ContractResult<MethodOutput<M>>>;

export type KioskEventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/**
 * What renderer code talks to: one function per contract method, plus event subscription.
 * Two implementations in renderer/shared: Electron (window.kiosk) and WebSocket (web mode).
 * Calls never throw for a refusal or a lost connection: they resolve to an error value.
 */
export type KioskApi = { readonly [M in MethodName]: KioskCall<M> } & {
  /** Returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: KioskEventListener<E>): () => void;
  /** Stops the transport (web mode closes its socket); Electron's is a no-op. */
  close(): void;
};

/**
 * The object the Electron preload exposes as `window.kiosk`: one named function per method,
 * each taking the raw input and resolving to the raw result, and `subscribe` for events.
 * Nothing else crosses the bridge; the renderer client validates what comes back.
 */
export const BRIDGE_GLOBAL_NAME = 'kiosk';
export const BRIDGE_SUBSCRIBE = 'subscribe';

export type KioskBridge = { readonly [M in MethodName]: (input: unknown) => Promise<unknown> } & {
  /** The listener gets `{ event, payload }`; returns the unsubscribe function. */
  readonly subscribe: (listener: (message: unknown) => void) => () => void;
};
