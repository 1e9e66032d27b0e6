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
  it('a wrong current PIN ends the flow in the wrong-PIN notice with the attempts left', async () => {
    const notices: Notice[] = [];
    renderKiosk(
      <ChangePinFlow
        lengths={{ min: 4, max: 8 }}
        onCancel={() => {}}
        onDone={() => {}}
        onNotice={(notice) => notices.push(notice)}
        submit={async () => refusal({ code: 'wrong-pin', message: 'x', details: { attemptsLeft: 2 } })}
      />,
    );
    enter('1111');
    enter('4826');
    enter('4826');
    await waitFor(() => expect(notices).toEqual([{ kind: 'wrong-pin', attemptsLeft: 2 }]));
  });

  it('success says so, and mentions the queue when the central store is away', async () => {
    renderKiosk(
      <ChangePinFlow
        lengths={{ min: 4, max: 8 }}
        queued
        onCancel={() => {}}
        onDone={() => {}}
        onNotice={() => {}}
        submit={async () => ({ ok: true, value: {} })}
      />,
    );
    enter('2580');
    expect(screen.getByRole('heading', { name: 'Enter your new PIN (4 to 8 digits)' })).toBeTruthy();
    enter('4826');
    enter('4826');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Your PIN has been changed.' })).toBeTruthy());
    expect(screen.getByText('The central store will receive the change when it is reachable again.')).toBeTruthy();
  });
});
