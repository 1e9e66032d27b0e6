import { printerCondition } from '../../../../src/core/index.js';

describe('the release printer\'s state in words', () => {
  test.each([
    ['idle', ['none'], 'ready'],
    ['processing', [], 'ready'],
    ['stopped', ['paused'], 'stopped'],
    ['idle', ['media-empty-error'], 'out-of-paper'],
    ['stopped', ['media-needed'], 'out-of-paper'],
    ['idle', ['toner-empty-error'], 'out-of-toner'],
    ['idle', ['marker-supply-empty-error'], 'out-of-toner'],
    ['stopped', ['media-jam-error', 'media-empty-error'], 'jammed'],
    ['idle', ['cover-open-error'], 'door-open'],
    ['idle', ['offline-report'], 'ready'],
    ['idle', ['toner-low-warning'], 'ready'],
    ['stopped', ['offline-error'], 'offline'],
    ['processing', ['connecting-to-device'], 'ready'],
    ['idle', ['connecting-to-device'], 'offline'],
    ['processing', ['connecting-to-device', 'media-empty-error'], 'out-of-paper'],
  ] as const)('%s with %j is %s', (state, reasons, kind) => {
    expect(printerCondition({ queue: 'lobby', state, reasons }).kind).toBe(kind);
  });

  test('the message names the printer, and the raw reasons are kept for the technician log', () => {
    expect(printerCondition({ queue: 'lobby', state: 'idle', reasons: ['media-empty-error'] })).toEqual({
      kind: 'out-of-paper',
      message: 'lobby is out of paper.',
      reasons: ['media-empty-error'],
    });
  });
});
