import { z } from 'zod';

/**
 * Web mode: the page is served at `http://127.0.0.1:<port>/#token=<hex>` and opens a WebSocket at
 * WEB_SOCKET_PATH?token=<hex>. A missing or wrong token gets one unauthorized error frame and the
 * close code below; nothing else is served on that socket.
 */
export const WEB_SOCKET_PATH = '/kiosk-socket';
export const TOKEN_PARAM = 'token';
/** `#token=…&kiosk=1`: the page runs in a kiosk-mode window (no pinch zoom wanted there only). */
export const KIOSK_WINDOW_PARAM = 'kiosk';
export const CLOSE_UNAUTHORIZED = 4401;

/** Renderer → host. `input` is validated against the method's own schema by the host. */
export const wireRequestSchema = z.strictObject({
  id: z.number().int().min(0),
  method: z.string().max(64),
  input: z.unknown(),
});
export type WireRequest = z.infer<typeof wireRequestSchema>;

/**
 * Host → renderer: a response to request `id` (null when the request could not even be read),
 * or an event. `result` is `{ok, value}` / `{ok, error}` and is validated by the client against
 * the method's output schema.
 */
export const wireResponseSchema = z.strictObject({ id: z.number().int().min(0).nullable(), result: z.unknown() });
export const wireEventSchema = z.strictObject({ event: z.string(), payload: z.unknown() });
export const wireServerMessageSchema = z.union([wireResponseSchema, wireEventSchema]);
export type WireServerMessage = z.infer<typeof wireServerMessageSchema>;
