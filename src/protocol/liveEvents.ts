/** Event names on the live channel (SSE). `data` is JSON `{ "seq": N }`. */
export const LIVE_EVENT = 'seq';
export const LIVE_CONTENT_TYPE = 'text/event-stream';
