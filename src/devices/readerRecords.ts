import { CardDebouncer } from './cardDebouncer.js';
import type { CardSourceEmitter } from './cardSource.js';
import { bytesToHex, type FramerOutput } from './framer.js';
import { runPipeline, type Pipeline } from './pipeline.js';

/**
 * What every reader does with framed records, whatever its channel: debounce repeats, run the
 * pipeline, and emit `card` for new swipes and `record` for everything (the live view).
 */
export class ReaderRecords {
  private readonly debouncer: CardDebouncer;

  constructor(
    private readonly reader: string,
    private pipeline: Pipeline,
    debounceMs: number | undefined,
    private readonly events: CardSourceEmitter,
  ) {
    this.debouncer = new CardDebouncer(debounceMs);
  }

  setPipeline(pipeline: Pipeline): void {
    this.pipeline = pipeline;
  }

  /** `monotonicAt` drives debouncing; events carry wall-clock time. */
  handle(outputs: readonly FramerOutput[], monotonicAt: number): void {
    for (const output of outputs) {
      const at = Date.now();
      const reader = this.reader;
      if (output.kind === 'noise') {
        this.events.emit('record', { reader, at, verdict: 'noise', frameHex: bytesToHex(output.bytes), count: output.count });
        continue;
      }
      const frameHex = bytesToHex(output.frame);
      if (output.kind === 'rejected') {
        this.events.emit('record', { reader, at, verdict: 'rejected', frameHex, reason: output.reason });
        continue;
      }
      const raw = output.text;
      const converted = runPipeline(this.pipeline, raw);
      if (!converted.ok) {
        this.events.emit('record', { reader, at, verdict: 'rejected', frameHex, raw, reason: `pipeline ${converted.error.message}` });
        continue;
      }
      const cardNumber = converted.value;
      const fresh = this.debouncer.accept(cardNumber, monotonicAt);
      this.events.emit('record', { reader, at, verdict: fresh ? 'card' : 'duplicate', frameHex, raw, cardNumber });
      if (fresh) this.events.emit('card', { reader, raw, cardNumber, at });
    }
  }

  /** After a reconnect the same card is a new swipe. */
  resetDebounce(): void {
    this.debouncer.reset();
  }
}
