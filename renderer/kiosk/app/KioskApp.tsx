import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskApi, KioskState, SessionState, SignOutReason } from '../../../src/contract/index.js';
import { IdleCountdown } from '../components/IdleCountdown.js';
import { StatusBar } from '../components/StatusBar.js';
import { sendKeypadInput } from '../components/keypadInput.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ScreenRouter, type LocalView } from './ScreenRouter.js';
import { noticeFromError, type Notice } from './notice.js';
import { readerState, syncState } from './statusView.js';
import type { KeyboardWedgeDecoder } from '../wedge/wedgeDecoder.js';
import { useKeyboardWedge } from '../wedge/useKeyboardWedge.js';
import { useScreenTimeout } from './useScreenTimeout.js';
import { useHighContrast } from './useHighContrast.js';

const TOUCH_THROTTLE_MS = 2000;
const IDLE_NOTICE_MS = 20_000;
/** Sign-outs nobody asked for on this screen; a locked-out sign-out keeps its notice up. */
const AUTOMATIC_SIGN_OUTS: ReadonlySet<SignOutReason> = new Set(['idle', 'second-swipe', 'other-card']);

export interface KioskAppProps {
  readonly api: KioskApi;
  readonly initial: KioskState;
  readonly createWedgeDecoder: () => KeyboardWedgeDecoder;
}

/**
 * The kiosk's screens over the host's session. The host decides where the session is (idle,
 * PIN, first PIN, signed in); this component only adds what is purely presentational: which
 * sub-screen of a phase is showing, the notice after a refusal, and the language.
 */
export function KioskApp(props: KioskAppProps) {
  const { api } = props;
  const { language, setLanguage } = useI18n();
  const [kiosk, setKiosk] = useState(props.initial);
  const [session, setSession] = useState<SessionState>(props.initial.session);
  const [view, setView] = useState<LocalView>('main');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [countdown, setCountdown] = useState<number | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);
  const contrast = useHighContrast();
  const resetContrast = contrast.reset;
  const lastTouch = useRef(0);
  const sessionRef = useRef<SessionState>(props.initial.session);
  /** Every session change goes through here: a new phase starts at its main screen. */
  const moveTo = useCallback((next: SessionState) => {
    if (sessionRef.current.phase !== next.phase) setView('main');
    sessionRef.current = next;
    setSession(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const showError = useCallback((error: Parameters<typeof noticeFromError>[0]) => {
    setNotice(noticeFromError(error) ?? { kind: 'generic' });
  }, []);

  useEffect(() => {
    const offs = [
      api.on('session', ({ session: next, signedOut }) => {
        const previous = sessionRef.current;
        moveTo(next);
        if (next.phase !== 'idle') setLoggedOut(false);
        // A new card, or a sign-out the person did not ask for, replaces whatever message was up;
        // a refusal that ends a session (locked out) keeps its message.
        const automatic = signedOut !== null && AUTOMATIC_SIGN_OUTS.has(signedOut.reason);
        if (automatic || (next.phase !== 'idle' && previous.phase !== next.phase)) setNotice(null);
        if (signedOut) {
          setCountdown(null);
          setLanguage(props.initial.language.default);
          resetContrast();
          setLoggedOut(signedOut.reason === 'idle' || signedOut.reason === 'second-swipe');
        }
      }),
      api.on('cardRead', ({ error }) => {
        if (error) showError(error);
      }),
      api.on('idleCountdown', ({ secondsLeft }) => setCountdown(secondsLeft)),
      api.on('readerStatus', (reader) => setKiosk((current) => ({ ...current, reader }))),
      api.on('syncStatus', (sync) => setKiosk((current) => ({ ...current, sync }))),
    ];
    return () => offs.forEach((off) => off());
  }, [api, moveTo, props.initial.language.default, setLanguage, showError, resetContrast]);

  // Messages shown between people go away by themselves.
  useEffect(() => {
    if (session.phase !== 'idle' || (!notice && !loggedOut)) return;
    const timer = setTimeout(() => {
      setNotice(null);
      setLoggedOut(false);
    }, IDLE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [session.phase, notice, loggedOut]);

  // A screen shown before anyone signs in (the ID-entry keypad) must not keep a half-typed
  // number for the next person: it times out like every screen but the idle one.
  const localTimeout = useScreenTimeout(session.phase === 'idle' && view !== 'main' && !notice, kiosk.idle, () => setView('main'));
  // "You have been logged out." is for the person who just left: any other screen ends it.
  useEffect(() => {
    if (notice || view !== 'main' || session.phase !== 'idle') setLoggedOut(false);
  }, [notice, view, session.phase]);

  const presentCard = useCallback(
    async (cardNumber: string) => {
      setLoggedOut(false);
      const result = await api.presentCard({ cardNumber });
      if (result.ok) moveTo(result.value);
      else showError(result.error);
    },
    [api, showError, moveTo],
  );
  useKeyboardWedge(
    kiosk.reader.keyboardWedge.enabled,
    props.createWedgeDecoder,
    (card) => void presentCard(card),
    (text) => sendKeypadInput({ kind: 'text', text }),
    (key) => sendKeypadInput({ kind: 'key', key }),
  );

  const onPointerDown = () => {
    const now = Date.now();
    if (session.phase === 'idle' || now - lastTouch.current < TOUCH_THROTTLE_MS) return;
    lastTouch.current = now;
    void api.touch();
  };

  return (
    <div className="kiosk" onPointerDown={onPointerDown}>
      <main className="kiosk-main">
        <ScreenRouter
          api={api}
          kiosk={kiosk}
          session={session}
          view={view}
          notice={notice}
          loggedOut={loggedOut}
          onView={setView}
          onSession={moveTo}
          onNotice={setNotice}
          onLoggedOutSeen={() => setLoggedOut(false)}
          highContrast={contrast}
        />
      </main>
      {countdown !== null && session.phase !== 'idle' ? (
        <IdleCountdown
          secondsLeft={countdown}
          onStay={() => {
            lastTouch.current = Date.now();
            setCountdown(null);
            void api.touch();
          }}
        />
      ) : null}
      {localTimeout.secondsLeft !== null ? <IdleCountdown secondsLeft={localTimeout.secondsLeft} onStay={localTimeout.stay} beforeSignIn /> : null}
      <StatusBar reader={readerState(kiosk.reader)} sync={syncState(kiosk.sync)} initialSyncPercent={kiosk.sync.initialSyncPercent} />
    </div>
  );
}
