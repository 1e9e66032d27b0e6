import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ContractError, KioskApi, KioskState, TechnicianState } from '../../../src/contract/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { KeyboardWedgeDecoder } from '../wedge/wedgeDecoder.js';
import { TechnicianApp } from './TechnicianApp.js';
import { TechnicianCorner } from './TechnicianCorner.js';
import { TechnicianPinScreen } from './TechnicianPinScreen.js';

type EntryNotice = { readonly kind: 'locked'; readonly until: number | null } | { readonly kind: 'no-pin' } | { readonly kind: 'generic' };

function entryNotice(error: ContractError): EntryNotice {
  if (error.code === 'locked-out') {
    const until = error.details?.lockedUntil;
    return { kind: 'locked', until: typeof until === 'number' ? until : null };
  }
  return error.code === 'not-found' ? { kind: 'no-pin' } : { kind: 'generic' };
}

export interface TechnicianGateProps {
  readonly api: KioskApi;
  readonly initial: KioskState;
  /** Keystroke cards in technician mode (the live view and test swipes of keyboard-mode readers). */
  readonly createWedgeDecoder: () => KeyboardWedgeDecoder;
  /** The kiosk's own screens, given the freshest kiosk state each time they are shown again. */
  readonly children: (kiosk: KioskState) => ReactNode;
}

/**
 * Stands in front of the kiosk app: shows the technician PIN keypad or the technician screens when
 * the host says technician mode is open, else the kiosk app with the hidden corner on its idle
 * screen. The host owns technician mode; this only draws what it announces.
 */
export function TechnicianGate(props: TechnicianGateProps) {
  const { api } = props;
  const { t, formatTime } = useI18n();
  const [kiosk, setKiosk] = useState(props.initial);
  const [technician, setTechnician] = useState<TechnicianState | null>(null);
  const [notice, setNotice] = useState<EntryNotice | null>(null);

  useEffect(() => {
    let live = true;
    void api.technicianGetState().then((result) => {
      if (live && result.ok) setTechnician(result.value);
    });
    const offs = [
      api.on('technician', ({ state, left }) => {
        setTechnician(state);
        if (left) {
          // Back to the kiosk app: give it the state as it is now, not as it was at start-up.
          void api.getState().then((fresh) => {
            if (live && fresh.ok) setKiosk(fresh.value);
          });
        }
      }),
      api.on('session', ({ session }) => setKiosk((current) => ({ ...current, session }))),
      api.on('readerStatus', (reader) => setKiosk((current) => ({ ...current, reader }))),
      api.on('syncStatus', (sync) => setKiosk((current) => ({ ...current, sync }))),
    ];
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, [api]);

  const requestEntry = useCallback(async () => {
    const result = await api.technicianRequestEntry();
    if (result.ok) setTechnician(result.value);
    else setNotice(entryNotice(result.error));
  }, [api]);

  if (technician?.phase === 'pin') {
    return <TechnicianPinScreen api={api} onRefused={(error) => setNotice(entryNotice(error))} />;
  }
  if (technician?.phase === 'active') return <TechnicianApp api={api} createWedgeDecoder={props.createWedgeDecoder} />;

  const noticeText =
    notice === null
      ? null
      : notice.kind === 'locked'
        ? notice.until === null
          ? t('tech.entry.lockedLater')
          : t('tech.entry.lockedUntil')(formatTime(notice.until))
        : t(notice.kind === 'no-pin' ? 'tech.entry.noPin' : 'tech.entry.failed');
  return (
    <>
      {props.children(kiosk)}
      {kiosk.session.phase === 'idle' && notice === null ? <TechnicianCorner onLongPress={() => void requestEntry()} /> : null}
      {noticeText !== null ? (
        <div className="technician-entry-notice" role="alertdialog" aria-labelledby="technician-entry-title" data-testid="technician-entry-notice">
          <h2 id="technician-entry-title">{t('tech.entry.title')}</h2>
          <p>{noticeText}</p>
          <button type="button" className="button button-primary" onClick={() => setNotice(null)}>
            {t('common.ok')}
          </button>
        </div>
      ) : null}
    </>
  );
}
