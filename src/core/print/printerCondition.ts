/** `printer-state` and `printer-state-reasons` as the server reports them (RFC 8011 §5.4.11–12). */
export interface PrinterStatus {
  readonly queue: string;
  readonly state: 'idle' | 'processing' | 'stopped';
  readonly reasons: readonly string[];
}

/**
 * What a person at the kiosk needs to know before walking away, worst first. The renderer
 * translates `kind`; `message` is the English for the CLI and the technician log.
 */
export type PrinterConditionKind = 'ready' | 'stopped' | 'out-of-paper' | 'out-of-toner' | 'jammed' | 'door-open' | 'offline';

export interface PrinterCondition {
  readonly kind: PrinterConditionKind;
  readonly message: string;
  /** The raw reasons, for the technician log. */
  readonly reasons: readonly string[];
}

const MESSAGES: Readonly<Record<PrinterConditionKind, (queue: string) => string>> = {
  ready: (q) => `${q} is ready.`,
  stopped: (q) => `${q} is stopped; your documents will wait until it is started again.`,
  'out-of-paper': (q) => `${q} is out of paper.`,
  'out-of-toner': (q) => `${q} is out of toner or ink.`,
  jammed: (q) => `${q} has a paper jam.`,
  'door-open': (q) => `${q} has a door or cover open.`,
  offline: (q) => `${q} is offline.`,
};

// IPP reasons carry a severity suffix (-error, -warning, -report); only -warning and -report are
// harmless enough to ignore, because the printer still prints.
const BY_REASON: ReadonlyArray<readonly [RegExp, PrinterConditionKind]> = [
  [/^media-jam$/, 'jammed'],
  [/^(media-empty|media-needed|input-tray-missing)$/, 'out-of-paper'],
  [/^(toner-empty|marker-supply-empty|marker-waste-full)$/, 'out-of-toner'],
  [/^(door-open|cover-open|interlock-open)$/, 'door-open'],
  [/^(offline|shutdown|connecting-to-device|timed-out)$/, 'offline'],
];

export function printerCondition(status: PrinterStatus): PrinterCondition {
  const reasons = status.reasons.filter((r) => r !== 'none');
  const serious = reasons
    .filter((r) => !/-(warning|report)$/.test(r))
    .map((r) => r.replace(/-error$/, ''))
    // While it starts a job (the one just released, read right after) cupsd says it is connecting;
    // only a printer left connecting with nothing to print is out of reach.
    .filter((r) => !(status.state === 'processing' && r === 'connecting-to-device'));
  let kind: PrinterConditionKind = 'ready';
  for (const [pattern, found] of BY_REASON) {
    if (serious.some((r) => pattern.test(r))) {
      kind = found;
      break;
    }
  }
  if (kind === 'ready' && (status.state === 'stopped' || serious.includes('paused'))) kind = 'stopped';
  return { kind, message: MESSAGES[kind](status.queue), reasons };
}
