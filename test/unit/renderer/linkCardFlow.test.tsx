// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ContractError, ContractResult, SessionState } from '../../../src/contract/index.js';
import type { Notice } from '../../../renderer/kiosk/app/notice.js';
import { sendKeypadInput } from '../../../renderer/kiosk/components/keypadInput.js';
import type { Language } from '../../../renderer/kiosk/i18n/catalogues.js';
import { LinkCardFlow } from '../../../renderer/kiosk/link/LinkCardFlow.js';
import { renderKiosk } from '../../support/rendererRender.js';

type Submit = (username: string, password: string) => Promise<ContractResult<SessionState>>;

function renderLink(submit: Submit, language: Language = 'en') {
  const notices: Notice[] = [];
  renderKiosk(<LinkCardFlow submit={submit} onNotice={(notice) => notices.push(notice)} onCancel={() => {}} />, language);
  return notices;
}

const keyboard = () => within(screen.getByTestId('on-screen-keyboard'));
const tap = (name: string) => fireEvent.click(keyboard().getByRole('button', { name, exact: true } as never));
const topRow = () => Array.from(screen.getByTestId('on-screen-keyboard').querySelector('.osk-row')!.querySelectorAll('button'), (b) => b.textContent);
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const refusal = (code: ContractError['code']): ContractResult<SessionState> => ({ ok: false, error: { code, message: 'refused' } });

describe('card self-association screen', () => {
  it('lays the keyboard out as the kiosk language does: QWERTY, QWERTZ with umlauts, AZERTY', () => {
    renderLink(async () => refusal('internal'), 'en');
    expect(topRow().slice(0, 6)).toEqual(['q', 'w', 'e', 'r', 't', 'y']);
  });

  it.each([
    ['de', ['q', 'w', 'e', 'r', 't', 'z'], 'ü', 'Benutzername'],
    ['fr', ['a', 'z', 'e', 'r', 't', 'y'], 'p', "Nom d'utilisateur"],
  ] as const)('%s: top row %j, fields in the language', (language, start, last, usernameLabel) => {
    renderLink(async () => refusal('internal'), language);
    expect(topRow().slice(0, 6)).toEqual(start);
    expect(topRow().at(-1)).toBe(last);
    expect(input(usernameLabel)).toBeTruthy();
  });

  it('Shift capitalises one letter; the digits page types digits; Delete removes the last character', () => {
    renderLink(async () => refusal('internal'));
    tap('Shift');
    // The keys show what they type: capitals while Shift is on.
    tap('A');
    tap('d');
    tap('Digits and symbols');
    tap('7');
    tap('_');
    tap('Letters');
    tap('a');
    tap('Delete last character');
    expect(input('Username').value).toBe('Ad7_');
  });

  it('sends username and password once, forgets the password at once, keeps the username; a wrong password is an alert', async () => {
    const sent: [string, string][] = [];
    let answer!: (result: ContractResult<SessionState>) => void;
    renderLink((username, password) => {
      sent.push([username, password]);
      return new Promise((resolve) => (answer = resolve));
    });
    for (const key of ['a', 'd', 'a']) tap(key);
    fireEvent.click(input('Password'));
    act(() => sendKeypadInput({ kind: 'text', text: 'secret-1' }));
    expect(input('Password').value).toBe('secret-1');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(sent).toEqual([['ada', 'secret-1']]);
    expect(input('Password').value).toBe('');
    await act(async () => answer(refusal('invalid-credentials')));
    expect(screen.getByRole('alert').textContent).toBe('Wrong username or password. Please try again.');
    expect(input('Username').value).toBe('ada');
  });

  it.each([
    ['central-unreachable', 'Linking a card needs the central store'],
    ['directory-unavailable', 'The directory cannot be reached right now'],
  ] as const)('%s is said in an alert on the same screen', async (code, text) => {
    renderLink(async () => refusal(code));
    tap('a');
    fireEvent.click(input('Password'));
    tap('b');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(text));
  });

  it.each([
    ['daily-limit', { kind: 'daily-limit' }],
    ['card-in-use', { kind: 'link-card-in-use' }],
    ['not-found', { kind: 'link-no-account' }],
    ['card-linked-not-loaded', { kind: 'link-not-loaded' }],
    ['locked-out', { kind: 'locked-out', until: null, typedId: false }],
  ] as const)('%s ends with a notice', async (code, notice) => {
    const notices = renderLink(async () => refusal(code));
    tap('a');
    fireEvent.click(input('Password'));
    tap('b');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(notices).toEqual([notice]));
  });
});
