import { noticeFromError } from '../../../renderer/kiosk/app/notice.js';
// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { HomeScreen } from '../../../renderer/kiosk/screens/HomeScreen.js';
import { IdleScreen } from '../../../renderer/kiosk/screens/IdleScreen.js';
import { NoticeScreen } from '../../../renderer/kiosk/screens/NoticeScreen.js';
import { StatusBar } from '../../../renderer/kiosk/components/StatusBar.js';
import { pinPolicyText } from '../../../renderer/kiosk/app/inlineProblem.js';
import { CATALOGUES } from '../../../renderer/kiosk/i18n/catalogues.js';
import { renderKiosk } from '../../support/rendererRender.js';

const noop = () => {};

describe('idle screen', () => {
  it('invites a swipe, offers ID entry, and switches language in place', () => {
    let asked = 0;
    renderKiosk(<IdleScreen onEnterId={() => asked++} />);
    expect(screen.getByRole('heading', { name: 'Swipe or tap your card' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sprache: Deutsch' }));
    expect(screen.getByRole('heading', { name: 'Karte durchziehen oder auflegen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sprache: Deutsch' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'ID-Nummer eingeben' }));
    expect(asked).toBe(1);
  });
});

describe('home screen', () => {
  const home = (canChangePin: boolean, canChangeCard: boolean) =>
    renderKiosk(
      <HomeScreen
        displayName="Ada Lovelace"
        canChangePin={canChangePin}
        canChangeCard={canChangeCard}
        onChangePin={noop}
        onChangeCard={noop}
        onLogout={noop}
      />,
    );

  it('offers only the actions the configuration allows', () => {
    home(true, false);
    expect(screen.getByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change PIN' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change Card/ID number' })).toBeNull();
  });

  it('says so when nothing may be changed', () => {
    home(false, false);
    expect(screen.getByText('Nothing can be changed at this kiosk.')).toBeTruthy();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Log out']);
  });
});

describe('notice screens', () => {
  it('the daily limit is shown verbatim', () => {
    renderKiosk(<NoticeScreen notice={{ kind: 'daily-limit' }} actionLabel="Back" onAction={noop} />);
    expect(
      screen.getByText(
        'Your ID number has been changed too many times. Please contact your system administrator for assistance.',
      ),
    ).toBeTruthy();
  });

  it('a wrong PIN says how many attempts are left', () => {
    renderKiosk(<NoticeScreen notice={{ kind: 'wrong-pin', attemptsLeft: 2 }} actionLabel="Try again" onAction={noop} />);
    expect(screen.getByRole('heading', { name: 'Wrong PIN' })).toBeTruthy();
    expect(screen.getByText('You have 2 attempts left before your account is locked.')).toBeTruthy();
  });

  it('a lockout says until when, in local time', () => {
    const until = new Date(2026, 10, 28, 14, 35).getTime();
    const expected = new Intl.DateTimeFormat('fr', { hour: '2-digit', minute: '2-digit' }).format(until);
    renderKiosk(<NoticeScreen notice={{ kind: 'locked-out', until, typedId: false }} actionLabel="OK" onAction={noop} />, 'fr');
    expect(screen.getByText(`Trop de codes PIN incorrects. Vous pourrez réessayer après ${expected}.`)).toBeTruthy();
    expect(expected).toContain('14');
  });

  it('a typed ID: the try before the last warns, the lock says a card still works, the pause says how long (issue 11)', () => {
    expect(noticeFromError({ code: 'invalid-credentials', message: 'x', details: { attemptsLeft: 1 } })).toEqual({ kind: 'invalid-credentials', lastTry: true });
    expect(noticeFromError({ code: 'locked-out', message: 'x', details: { lockedUntil: 5, typedId: true } })).toEqual({ kind: 'locked-out', until: 5, typedId: true });
    expect(noticeFromError({ code: 'typed-id-wait', message: 'x', details: { waitSeconds: 4 } })).toEqual({ kind: 'typed-id-wait', seconds: 4 });
    const { unmount } = renderKiosk(<NoticeScreen notice={{ kind: 'invalid-credentials', lastTry: true }} actionLabel="Try again" onAction={noop} />, 'de');
    expect(screen.getByText('Sie haben noch 1 Versuch, bevor diese ID-Nummer gesperrt wird.')).toBeTruthy();
    unmount();
    const second = renderKiosk(<NoticeScreen notice={{ kind: 'locked-out', until: null, typedId: true }} actionLabel="OK" onAction={noop} />);
    expect(screen.getByRole('heading', { name: 'ID number locked' })).toBeTruthy();
    expect(screen.getByText(/Swiping your card still works/)).toBeTruthy();
    second.unmount();
    renderKiosk(<NoticeScreen notice={{ kind: 'typed-id-wait', seconds: 4 }} actionLabel="Try again" onAction={noop} />, 'fr');
    expect(screen.getByText("Veuillez patienter 4 secondes avant de saisir de nouveau un numéro d'identification.")).toBeTruthy();
  });

  it('central store unreachable says what still works', () => {
    renderKiosk(<NoticeScreen notice={{ kind: 'central-unreachable' }} actionLabel="Back" onAction={noop} />, 'de');
    expect(screen.getByRole('heading', { name: 'Zentrale Datenbank nicht erreichbar' })).toBeTruthy();
    expect(screen.getByText(/PIN ändern funktionieren weiterhin/)).toBeTruthy();
  });

  it('a Card/ID change that could not be confirmed says so and where to see the number in force (issue 11)', () => {
    expect(noticeFromError({ code: 'card-change-unconfirmed', message: 'x' })).toEqual({ kind: 'card-change-unconfirmed' });
    renderKiosk(<NoticeScreen notice={{ kind: 'card-change-unconfirmed' }} actionLabel="Back" onAction={noop} />);
    expect(screen.getByRole('heading', { name: 'Your new number could not be confirmed' })).toBeTruthy();
    expect(screen.getByText(/account page will show the number in force/)).toBeTruthy();
  });

  it('a card linked centrally but not yet on this kiosk says so, not "not recognised" (issue 14)', () => {
    expect(noticeFromError({ code: 'card-linked-not-loaded', message: 'x' })).toEqual({ kind: 'link-not-loaded' });
    renderKiosk(<NoticeScreen notice={{ kind: 'link-not-loaded' }} actionLabel="OK" onAction={noop} />, 'fr');
    expect(screen.getByRole('heading', { name: 'Carte liée' })).toBeTruthy();
    expect(screen.getByText(/présenter de nouveau dans une minute/)).toBeTruthy();
  });
});

describe('status bar', () => {
  it('names reader and central store state in words', () => {
    renderKiosk(<StatusBar reader="disconnected" sync="offline" />);
    expect(screen.getByTestId('status-reader').textContent).toBe('Reader disconnected');
    expect(screen.getByTestId('status-sync').textContent).toBe('Central store unreachable');
  });

  it('shows how far the first sync of a large site got (issue 10)', () => {
    renderKiosk(<StatusBar reader="connected" sync="online" initialSyncPercent={42} />);
    expect(screen.getByTestId('status-sync').textContent).toBe('Loading users from the central store: 42 %');
  });
});

describe('PIN policy refusals in words', () => {
  it.each([
    ['sequence', 'A PIN may not be a straight run of digits, like 1234 or 9876.'],
    ['all-same', 'A PIN may not repeat one digit throughout, like 1111.'],
    ['min-length', 'A PIN must have 5 to 7 digits.'],
    ['same-as-current', 'The new PIN must differ from your current PIN.'],
    ['something-new', 'That PIN is not allowed. Please choose another one.'],
  ])('rule %s reads: %s', (rule, text) => {
    const error = { code: 'pin-policy' as const, message: 'x', details: { rule, minLength: 5, maxLength: 7 } };
    expect(pinPolicyText(error, (key) => CATALOGUES.en[key], { min: 4, max: 8 })).toBe(text);
  });
});

describe('screen changes and screen readers', () => {
  it('a new screen puts focus on its heading', () => {
    renderKiosk(<IdleScreen onEnterId={noop} />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Swipe or tap your card' }));
  });

  it('a notice leaves focus on its one action instead', () => {
    renderKiosk(<NoticeScreen notice={{ kind: 'unknown-card' }} actionLabel="Back to start" onAction={noop} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Back to start' }));
  });
});
