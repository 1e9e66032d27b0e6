import type { Logger } from 'pino';
import type { ContractResult, KioskEvent, KioskState, ReaderStatus, SyncStatus } from '../contract/index.js';
import { contractError } from '../contract/index.js';
import type { ConfigSource, SelfService } from '../core/index.js';
import type { CardLinker } from './cardLinking.js';
import { printHandlers, type HostPrint } from './print/printHandlers.js';
import { SessionController } from './sessionController.js';
import { checkWedgeRead } from './wedgeReadCheck.js';
import { dispatchMethod, type MethodHandlers } from './methodDispatch.js';
import { ReaderBoard, type HostCardSource, type ReaderInfo } from './readerBoard.js';
import { technicianHandlers, unavailableTechnicianHandlers } from './technician/technicianHandlers.js';
import { TechnicianService, type TechnicianHostDeps } from './technician/technicianService.js';

export interface KioskHostDeps {
  readonly selfService: SelfService;
  readonly config: ConfigSource;
  readonly kioskId: string | null;
  readonly logger: Logger;
  /** Keystroke cards decoded in the renderer (the portable default, readers.md §2.4). */
  readonly keyboardWedge: boolean;
  readonly sync?: SyncStatus;
  /** Technician mode (reader set-up); without it the technician calls answer not-found. */
  readonly technician?: TechnicianHostDeps;
  /** Print release for the signed-in user; without it the print calls answer not-configured. */
  readonly print?: HostPrint;
  /** Card self-association through the central store (enrolled kiosks); without it an unknown card is only refused. */
  readonly cardLinker?: CardLinker;
}

export type KioskEventListener = (event: KioskEvent) => void;

/**
 * One kiosk's host: serves the contract (src/contract) to whichever transport carries it, owns
 * the session, and turns host-side reader cards and status into events. Transports call `call`
 * with whatever arrived; everything is validated here, once, for both.
 */
export interface KioskHost {
  call(method: unknown, input: unknown, caller: string): Promise<ContractResult<unknown>>;
  subscribe(listener: KioskEventListener): () => void;
  /** A reader the host opened (serial, HID): its cards sign in, its status shows in the status bar. */
  attachReader(source: HostCardSource, info: ReaderInfo): void;
  setSyncStatus(status: SyncStatus): void;
  state(): KioskState;
  /** Technician mode, when the kiosk was given it: starts the saved readers, owns reader changes. */
  readonly technician: TechnicianService | null;
  /** Stops readers and timers; the host answers nothing useful afterwards. */
  close(): Promise<void>;
}

const STANDALONE: SyncStatus = { mode: 'standalone', online: false, lastSyncAt: null, pendingChanges: 0 };

export function createKioskHost(deps: KioskHostDeps): KioskHost {
  const listeners = new Set<KioskEventListener>();
  const emit = (event: KioskEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        deps.logger.error({ err: error, event: event.event }, 'an event listener failed');
      }
    }
  };
  const get = deps.config.get.bind(deps.config);
  const session = new SessionController({
    selfService: deps.selfService,
    idleSettings: () => ({ timeoutSeconds: get('kiosk.idle-timeout-seconds'), warningSeconds: get('kiosk.idle-warning-seconds') }),
    emit,
    ...(deps.cardLinker ? { cardLinking: { linker: deps.cardLinker, enabled: () => get('card-id.self-association') } } : {}),
  });
  let sync = deps.sync ?? STANDALONE;
  const readers = new ReaderBoard({
    logger: deps.logger,
    onStatus: () => emit({ event: 'readerStatus', payload: readerStatus() }),
    onCard: async (read) => {
      if (technician?.interceptCard(read, session.state().phase === 'idle')) return;
      const result = await session.presentCard(read.cardNumber);
      emit({
        event: 'cardRead',
        payload: { readerId: read.reader, source: read.kind, at: read.at, error: result.ok ? null : result.error },
      });
    },
  });

  const technician = deps.technician
    ? new TechnicianService({
        ...deps.technician,
        keyboardWedge: deps.keyboardWedge,
        config: deps.config,
        kioskId: deps.kioskId,
        logger: deps.logger,
        emit,
        attachment: { attach: (source, info) => readers.attach(source, info), detach: (id) => readers.detach(id) },
      })
    : null;

  function readerStatus(): ReaderStatus {
    return { readers: readers.list(), keyboardWedge: { enabled: deps.keyboardWedge } };
  }

  function state(): KioskState {
    return {
      kioskId: deps.kioskId,
      language: { default: get('kiosk.default-language'), available: ['en', 'de', 'fr'] },
      idle: { timeoutSeconds: get('kiosk.idle-timeout-seconds'), warningSeconds: get('kiosk.idle-warning-seconds') },
      pin: { minLength: get('pin.min-length'), maxLength: get('pin.max-length') },
      cardId: { generatedLength: get('card-id.generated-length'), minLength: get('card-id.min-length'), maxLength: get('card-id.max-length') },
      reader: readerStatus(),
      sync,
      session: session.state(),
    };
  }

  const handlers: MethodHandlers = {
    getState: async () => ({ ok: true, value: state() }),
    presentCard: async ({ cardNumber: read }) => {
      const checked = checkWedgeRead(read);
      if ('problem' in checked) {
        deps.logger.warn({ reader: 'keyboard-wedge', reason: checked.problem }, 'refused a card read: card not recognised');
        return { ok: false, error: contractError('unknown-card', 'Card not recognised.') };
      }
      const { cardNumber } = checked;
      // A technician card at the idle screen opens the technician keypad instead of a session.
      const idle = session.state().phase === 'idle';
      if (technician?.interceptCard({ reader: 'keyboard-wedge', cardNumber, at: Date.now() }, idle)) return { ok: true, value: session.state() };
      return session.presentCard(cardNumber);
    },
    beginTypedId: async ({ idNumber }) => {
      // The technician keypad or screens are up: nobody starts a session underneath.
      if (technician && technician.state().phase !== 'off') return { ok: false, error: contractError('wrong-step', 'Technician mode is open.') };
      return session.beginTypedId(idNumber);
    },
    submitPin: ({ pin }) => session.submitPin(pin),
    setFirstPin: ({ newPin, confirmPin }) => session.setFirstPin(newPin, confirmPin),
    changePin: ({ currentPin, newPin, confirmPin }) => session.changePin(currentPin, newPin, confirmPin),
    checkCurrentPin: ({ currentPin }) => session.checkCurrentPin(currentPin),
    regenerateCard: () => session.regenerateCard(),
    setCard: ({ cardNumber }) => session.setCard(cardNumber),
    checkCard: ({ cardNumber }) => session.checkCard(cardNumber),
    touch: async () => {
      session.touch();
      return { ok: true, value: {} };
    },
    logout: () => session.logout(),
    cancel: () => session.cancel(),
    linkCard: ({ username, password }) => session.linkCard(username, password),
    ...(technician ? technicianHandlers(technician, () => session.state().phase === 'idle') : unavailableTechnicianHandlers()),
    ...printHandlers({ ...(deps.print ? { print: deps.print } : {}), config: deps.config, logger: deps.logger, signedInUser: () => session.signedInUser(), touch: () => session.touch() }),
  };

  let closed = false;
  return {
    call(method, input, caller) {
      if (closed) return Promise.resolve({ ok: false, error: contractError('disconnected', 'The kiosk host is shutting down.') });
      return dispatchMethod(handlers, deps.logger, caller, method, input);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    attachReader(source, info) {
      readers.attach(source, info);
    },
    setSyncStatus(status) {
      sync = status;
      emit({ event: 'syncStatus', payload: status });
    },
    state,
    technician,
    async close() {
      closed = true;
      session.close();
      await technician?.close();
      await readers.stopAll();
      listeners.clear();
    },
  };
}
