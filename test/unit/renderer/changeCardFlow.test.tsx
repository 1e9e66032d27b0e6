// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Notice } from '../../../renderer/kiosk/app/notice.js';
import { ChangeCardFlow, type ChangeCardFlowProps } from '../../../renderer/kiosk/screens/ChangeCardFlow.js';
import { renderKiosk } from '../../support/rendererRender.js';

function flow(overrides: Partial<ChangeCardFlowProps>) {
  const notices: Notice[] = [];
  const props: ChangeCardFlowProps = {
    field: 'primary',
    currentNumber: '0006547886',
    changesLeftToday: 3,
    manualAllowed: false,
    cardLengths: { min: 4, max: 12 },
    regenerate: async () => ({ ok: true, value: { cardNumber: '48213377', changesLeftToday: 2 } }),
    setCard: async (cardNumber) => ({ ok: true, value: { cardNumber, changesLeftToday: 2 } }),
    checkCard: async () => ({ ok: true, value: {} }),
    onDone: () => {},
    onCancel: () => {},
    onNotice: (notice) => notices.push(notice),
    ...overrides,
  };
  renderKiosk(<ChangeCardFlow {...props} />);
  return notices;
}
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('change Card/ID number', () => {
  it('names the field, asks for confirmation, then shows the new number large and warns the old one stops', async () => {
    flow({});
    expect(screen.getByText('This changes your primary Card/ID number.')).toBeTruthy();
    expect(screen.getByTestId('current-card').textContent).toBe('0006547886');
    expect(screen.queryByRole('button', { name: 'Type a new number' })).toBeNull();
    click('Generate a new number');
    expect(screen.getByRole('heading', { name: 'Replace your Card/ID number?' })).toBeTruthy();
    click('Yes, replace it');
    await waitFor(() => expect(screen.getByTestId('new-card-number').textContent).toBe('48213377'));
    expect(screen.getByText('Your old number no longer works. Please write the new one down.')).toBeTruthy();
  });

  it('over the daily limit the flow ends in the daily-limit notice', async () => {
    const notices = flow({
      regenerate: async () => ({ ok: false, error: { code: 'daily-limit', message: 'x' } }),
    });
    click('Generate a new number');
    click('Yes, replace it');
    await waitFor(() => expect(notices).toEqual([{ kind: 'daily-limit' }]));
  });

  it('with no change left today the limit message shows at once, and there is nothing to press but Back', () => {
    flow({ changesLeftToday: 0, manualAllowed: true });
    expect(screen.getByTestId('card-limit-reached').textContent).toBe(
      'Your ID number has been changed too many times. Please contact your system administrator for assistance.',
    );
    expect(screen.queryByRole('button', { name: 'Generate a new number' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Type a new number' })).toBeNull();
    expect(screen.queryByText(/more times today/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Back' })).toBeTruthy();
  });

  it('a typed number needs card-id.min-length digits before OK, is refused before the confirmation, and the refusal is gone after Cancel', async () => {
    const checked: string[] = [];
    flow({
      manualAllowed: true,
      checkCard: async (cardNumber) => {
        checked.push(cardNumber);
        return { ok: false, error: { code: 'card-in-use', message: 'x' } };
      },
    });
    click('Type a new number');
    for (const digit of ['1', '2', '3']) click(digit);
    expect((screen.getByRole('button', { name: 'OK' }) as HTMLButtonElement).disabled).toBe(true);
    click('4');
    click('OK');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That number is already in use. Please choose another one.'));
    expect(checked).toEqual(['1234']);
    expect(screen.queryByRole('button', { name: 'Yes, replace it' })).toBeNull();
    click('Cancel');
    expect(screen.getByRole('heading', { name: 'Change Card/ID number' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    click('Type a new number');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a typed number past the daily limit ends in the daily-limit notice before any confirmation', async () => {
    const notices = flow({ manualAllowed: true, checkCard: async () => ({ ok: false, error: { code: 'daily-limit', message: 'x' } }) });
    click('Type a new number');
    for (const digit of ['1', '2', '3', '4']) click(digit);
    click('OK');
    await waitFor(() => expect(notices).toEqual([{ kind: 'daily-limit' }]));
    expect(screen.queryByRole('button', { name: 'Yes, replace it' })).toBeNull();
  });

  it('a number the central store refuses after the confirmation is explained and the keypad comes back', async () => {
    flow({
      manualAllowed: true,
      setCard: async () => ({ ok: false, error: { code: 'card-in-use', message: 'x' } }),
    });
    click('Type a new number');
    for (const digit of ['1', '2', '3', '4', '5']) click(digit);
    click('OK');
    await waitFor(() => expect(screen.getByText('12345')).toBeTruthy());
    click('Yes, replace it');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That number is already in use. Please choose another one.'));
    expect(screen.getByRole('group', { name: 'ID number keypad' })).toBeTruthy();
  });
});
