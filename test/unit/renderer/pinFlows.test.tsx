// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ContractError } from '../../../src/contract/index.js';
import type { Notice } from '../../../renderer/kiosk/app/notice.js';
import { ChangePinFlow } from '../../../renderer/kiosk/screens/ChangePinFlow.js';
import { FirstPinFlow } from '../../../renderer/kiosk/screens/FirstPinFlow.js';
import { renderKiosk } from '../../support/rendererRender.js';

const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const enter = (digits: string) => {
  for (const digit of digits) click(digit);
  click('OK');
};
const refusal = (error: ContractError) => ({ ok: false as const, error });

describe('first PIN', () => {
  it('asks twice and hands both entries to the host once', async () => {
    const calls: [string, string][] = [];
    renderKiosk(
      <FirstPinFlow
        lengths={{ min: 4, max: 8 }}
        onCancel={() => {}}
        onNotice={() => {}}
        submit={async (pin, confirm) => {
          calls.push([pin, confirm]);
          return { ok: true, value: {} };
        }}
      />,
    );
    expect(screen.getByText('You have no PIN yet. Choose one of 4 to 8 digits.')).toBeTruthy();
    enter('4826');
    expect(screen.getByRole('heading', { name: 'Enter the same PIN again' })).toBeTruthy();
    enter('4862');
    await waitFor(() => expect(calls).toEqual([['4826', '4862']]));
  });

  it('a mismatch is explained and the flow starts over', async () => {
    renderKiosk(
      <FirstPinFlow
        lengths={{ min: 4, max: 8 }}
        onCancel={() => {}}
        onNotice={() => {}}
        submit={async () => refusal({ code: 'pin-mismatch', message: 'x' })}
      />,
    );
    enter('4826');
    enter('4862');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('The two new PINs were not the same. Please start again.'),
    );
    expect(screen.getByRole('heading', { name: 'Choose your PIN' })).toBeTruthy();
  });
});

describe('change PIN', () => {
  const ok = async () => ({ ok: true as const, value: {} });

  it('a wrong current PIN is said at once, with the attempts left, and only the current PIN is asked again', async () => {
    const submitted: string[][] = [];
    renderKiosk(
      <ChangePinFlow
        lengths={{ min: 4, max: 8 }}
        onCancel={() => {}}
        onDone={() => {}}
        onNotice={() => {}}
        checkCurrent={async (pin) => (pin === '2580' ? { ok: true, value: {} } : refusal({ code: 'wrong-pin', message: 'x', details: { attemptsLeft: 2 } }))}
        submit={async (...pins) => {
          submitted.push(pins);
          return { ok: true, value: {} };
        }}
      />,
    );
    enter('1111');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('That is not your current PIN. You have 2 attempts left before your account is locked.'),
    );
    expect(screen.getByRole('heading', { name: 'Enter your current PIN' })).toBeTruthy();
    enter('2580');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Enter your new PIN (4 to 8 digits)' })).toBeTruthy());
    expect(submitted).toEqual([]);
  });

  it('the policy is checked right after the new PIN, in words, before the confirmation; OK waits for the minimum length', async () => {
    renderKiosk(<ChangePinFlow lengths={{ min: 4, max: 8 }} onCancel={() => {}} onDone={() => {}} onNotice={() => {}} checkCurrent={ok} submit={ok} />);
    enter('2580');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Enter your new PIN (4 to 8 digits)' })).toBeTruthy());
    for (const digit of '123') click(digit);
    expect((screen.getByRole('button', { name: 'OK' }) as HTMLButtonElement).disabled).toBe(true);
    click('4');
    click('OK');
    expect(screen.getByRole('alert').textContent).toBe('A PIN may not be a straight run of digits, like 1234 or 9876.');
    expect(screen.getByRole('heading', { name: 'Enter your new PIN (4 to 8 digits)' })).toBeTruthy();
    enter('2580');
    expect(screen.getByRole('alert').textContent).toBe('The new PIN must differ from your current PIN.');
  });

  it('a different repeat goes back to the new PIN, not to the current one', async () => {
    renderKiosk(<ChangePinFlow lengths={{ min: 4, max: 8 }} onCancel={() => {}} onDone={() => {}} onNotice={() => {}} checkCurrent={ok} submit={ok} />);
    enter('2580');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Enter your new PIN (4 to 8 digits)' })).toBeTruthy());
    enter('4826');
    enter('4862');
    expect(screen.getByRole('alert').textContent).toBe('The two new PINs were not the same. Please start again.');
    expect(screen.getByRole('heading', { name: 'Enter your new PIN (4 to 8 digits)' })).toBeTruthy();
  });

  it('success says so, and mentions the queue when the central store is away', async () => {
    renderKiosk(
      <ChangePinFlow
        lengths={{ min: 4, max: 8 }}
        queued
        onCancel={() => {}}
        onDone={() => {}}
        onNotice={() => {}}
        checkCurrent={ok}
        submit={ok}
      />,
    );
    enter('2580');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Enter your new PIN (4 to 8 digits)' })).toBeTruthy());
    enter('4826');
    enter('4826');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Your PIN has been changed.' })).toBeTruthy());
    expect(screen.getByText('The central store will receive the change when it is reachable again.')).toBeTruthy();
  });
});
