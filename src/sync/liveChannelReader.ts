import { KIOSK_API, LIVE_CONTENT_TYPE, LIVE_EVENT } from '../protocol/index.js';
import type { CentralHttpClient, FetchLike } from './centralHttpClient.js';
import { CentralCallError } from './centralHttpClient.js';

/**
 * Reads the central store's live channel (server-sent events) until it ends or `signal` aborts,
 * calling onSeq with every announced sequence. Resolves when the stream ends; rejects with
 * CentralCallError when it cannot be opened.
 */
export async function readLiveChannel(
  client: CentralHttpClient,
  fetchImpl: FetchLike,
  signal: AbortSignal,
  onOpen: () => void,
  onSeq: (seq: number) => void,
): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(client.url(KIOSK_API.live), { headers: client.headers({ accept: LIVE_CONTENT_TYPE }), signal });
  } catch (error) {
    if (signal.aborted) return;
    throw new CentralCallError('unreachable', `The live channel cannot be opened (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (response.status === 401) throw new CentralCallError('unauthorized', 'The central store refused this kiosk\'s token.', 401);
  if (!response.ok || !response.body) throw new CentralCallError('unreachable', `The live channel answered HTTP ${response.status}.`, response.status);
  onOpen();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let data = '';
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (event === LIVE_EVENT) {
            try {
              const seq = (JSON.parse(data) as { seq?: unknown }).seq;
              if (typeof seq === 'number' && Number.isSafeInteger(seq)) onSeq(seq);
            } catch {
              // A garbled frame is skipped; the periodic pull covers anything it announced.
            }
          }
          event = 'message';
          data = '';
        } else if (line.startsWith('event:')) {
          event = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data += line.slice(5).trim();
        }
        if (buffer.length > 64 * 1024) buffer = '';
      }
    }
  } catch (error) {
    if (!signal.aborted) throw new CentralCallError('unreachable', `The live channel broke (${error instanceof Error ? error.message : String(error)}).`);
  }
}
