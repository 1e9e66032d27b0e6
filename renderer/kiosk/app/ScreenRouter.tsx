import type { KioskApi, KioskState, SessionState } from '../../../src/contract/index.js';
import { KeypadScreen } from '../components/KeypadScreen.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ChangeCardFlow } from '../screens/ChangeCardFlow.js';
import { ChangePinFlow } from '../screens/ChangePinFlow.js';
import { FirstPinFlow } from '../screens/FirstPinFlow.js';
import { LinkCardFlow } from '../link/LinkCardFlow.js';
import { AccountScreen } from '../print/AccountScreen.js';
import { SignedInHome } from '../print/SignedInHome.js';
import { IdleScreen } from '../screens/IdleScreen.js';
import { NoticeScreen } from '../screens/NoticeScreen.js';
import { noticeFromError, type Notice } from './notice.js';

/** Sub-screens within a host phase: purely presentational, forgotten when the phase changes. */
export type LocalView = 'main' | 'id-entry' | 'change-pin' | 'change-card' | 'account';

export interface ScreenRouterProps {
  readonly api: KioskApi;
  readonly kiosk: KioskState;
  readonly session: SessionState;
  readonly view: LocalView;
  readonly notice: Notice | null;
  readonly loggedOut: boolean;
  readonly onView: (view: LocalView) => void;
  readonly onSession: (session: SessionState) => void;
  readonly onNotice: (notice: Notice | null) => void;
  readonly onLoggedOutSeen: () => void;
  readonly highContrast: { readonly on: boolean; readonly toggle: () => void };
}

/** Picks the one screen to show from the host's phase, the local view and any notice. */
export function ScreenRouter(props: ScreenRouterProps) {
  const { t } = useI18n();
  const { api, kiosk, session } = props;
  const pinLengths = { min: kiosk.pin.minLength, max: kiosk.pin.maxLength };

  type SessionCall = Promise<Awaited<ReturnType<KioskApi['cancel']>>>;
  /** Runs a call that moves the session and hands back the answer (flows explain refusals). */
  const follow = async (call: SessionCall) => {
    const result = await call;
    if (result.ok) props.onSession(result.value);
    return result;
  };
  /** As follow, for screens without a flow of their own: a refusal becomes a notice. */
  const move = async (call: SessionCall) => {
    const result = await follow(call);
    if (!result.ok) props.onNotice(noticeFromError(result.error) ?? { kind: 'generic' });
  };
  const cancel = () => void move(api.cancel());

  if (props.notice) {
    const notice = props.notice;
    // After a wrong PIN the host keeps the PIN step: the way on is to try again.
    const retry = notice.kind === 'wrong-pin' || notice.kind === 'invalid-credentials' || notice.kind === 'typed-id-wait';
    return (
      <NoticeScreen
        notice={notice}
        actionLabel={t(retry ? 'common.tryAgain' : session.phase === 'idle' ? 'common.home' : 'common.back')}
        onAction={() => {
          props.onNotice(null);
          if (!retry) props.onView('main');
        }}
      />
    );
  }

  switch (session.phase) {
    case 'idle':
      return props.view === 'id-entry' ? (
        <KeypadScreen
          testId="screen-id-entry"
          title={t('idEntry.title')}
          masked={false}
          fieldLabel={t('idEntry.field')}
          keypadLabel={t('keypad.idLabel')}
          minLength={1}
          maxLength={kiosk.cardId.maxLength}
          onCancel={() => props.onView('main')}
          onSubmit={(idNumber) => void move(api.beginTypedId({ idNumber }))}
        />
      ) : (
        <IdleScreen
          loggedOut={props.loggedOut}
          highContrast={props.highContrast}
          onEnterId={() => {
            props.onLoggedOutSeen();
            props.onView('id-entry');
          }}
        />
      );
    case 'enter-pin':
      return (
        <KeypadScreen
          testId="screen-pin-entry"
          title={t('pinEntry.title')}
          masked
          fieldLabel={t('pinEntry.field')}
          keypadLabel={t('keypad.pinLabel')}
          minLength={1}
          maxLength={Math.max(kiosk.pin.maxLength, 12)}
          onCancel={cancel}
          onSubmit={(pin) => void move(api.submitPin({ pin }))}
        />
      );
    case 'set-pin':
      return (
        <FirstPinFlow
          lengths={pinLengths}
          onCancel={cancel}
          onNotice={props.onNotice}
          submit={(newPin, confirmPin) => follow(api.setFirstPin({ newPin, confirmPin }))}
        />
      );
    case 'link-card':
      return (
        <LinkCardFlow
          centralOffline={kiosk.sync.mode === 'enrolled' && !kiosk.sync.online}
          onCancel={cancel}
          onNotice={props.onNotice}
          submit={(username, password) => follow(api.linkCard({ username, password }))}
        />
      );
    case 'signed-in': {
      const { user, allowed } = session;
      const home = () => props.onView('main');
      const centralOffline = kiosk.sync.mode === 'enrolled' && !kiosk.sync.online;
      if (props.view === 'change-pin' && allowed.changePin) {
        return (
          <ChangePinFlow
            lengths={pinLengths}
            onCancel={home}
            onDone={home}
            queued={centralOffline}
            onNotice={props.onNotice}
            checkCurrent={(currentPin) => follow(api.checkCurrentPin({ currentPin }))}
            submit={(currentPin, newPin, confirmPin) => follow(api.changePin({ currentPin, newPin, confirmPin }))}
          />
        );
      }
      if (props.view === 'change-card' && allowed.changeCardId) {
        return (
          <ChangeCardFlow
            field={allowed.cardField}
            currentNumber={allowed.cardField === 'primary' ? user.primaryCard : user.secondaryCard}
            changesLeftToday={allowed.changesLeftToday}
            manualAllowed={allowed.manualCardEntry}
            cardLengths={{ min: kiosk.cardId.minLength, max: kiosk.cardId.maxLength }}
            onCancel={home}
            onDone={home}
            onNotice={props.onNotice}
            regenerate={() => api.regenerateCard()}
            setCard={(cardNumber) => api.setCard({ cardNumber })}
            checkCard={(cardNumber) => follow(api.checkCard({ cardNumber }))}
          />
        );
      }
      const homeProps = {
        displayName: user.displayName,
        canChangePin: allowed.changePin,
        canChangeCard: allowed.changeCardId,
        centralOffline,
        onChangePin: () => props.onView('change-pin'),
        onChangeCard: () => props.onView('change-card'),
        onLogout: () => void move(api.logout()),
      };
      // After sign-in the home screen is the job list (issue 12); the PIN and Card/ID screens are under "Account".
      if (props.view === 'account') return <AccountScreen {...homeProps} onDocuments={home} />;
      return <SignedInHome api={api} home={homeProps} onAccount={() => props.onView('account')} />;
    }
    default: {
      const never: never = session;
      return never;
    }
  }
}
