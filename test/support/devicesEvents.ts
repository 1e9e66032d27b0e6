import type { CardSource, CardSourceEvents } from '../../src/devices/cardSource.js';

/** Resolves with the next event of `source` matching `predicate`; rejects after `timeoutMs` naming what was awaited. */
export function nextEvent<E extends keyof CardSourceEvents>(
  source: CardSource,
  event: E,
  predicate: (payload: CardSourceEvents[E]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<CardSourceEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching ${event} event from ${source.reader} within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = source.on(event, (payload) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

/** Records every event of a source, for asserting on sequences. */
export function recordEvents(source: CardSource) {
  const log: { card: CardSourceEvents['card'][]; status: CardSourceEvents['status'][]; record: CardSourceEvents['record'][] } = {
    card: [], status: [], record: [],
  };
  source.on('card', (e) => log.card.push(e));
  source.on('status', (e) => log.status.push(e));
  source.on('record', (e) => log.record.push(e));
  return log;
}
