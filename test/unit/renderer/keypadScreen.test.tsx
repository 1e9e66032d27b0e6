// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { KeypadScreen } from '../../../renderer/kiosk/components/KeypadScreen.js';
import { renderKiosk } from '../../support/rendererRender.js';

function renderPinPad(onSubmit: (digits: string) => void, onCancel = () => {}) {
  return renderKiosk(
    <KeypadScreen
      testId="pin"
      title="Enter your PIN"
      masked
      fieldLabel="PIN"
      keypadLabel="PIN keypad"
      minLength={4}
      maxLength={6}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />,
  );
}

const press = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

describe('on-screen keypad', () => {
  it('a PIN shows as dots only: the digits appear nowhere on the page', () => {
    const { container } = renderPinPad(() => {});
    for (const digit of ['7', '3', '9']) press(digit);
    expect(screen.getByTestId('pin-dots').children).toHaveLength(3);
    expect(screen.getByRole('status', { name: 'PIN' }).textContent).toContain('3 digits entered');
    expect(container.querySelector('.digit-display')?.textContent).not.toMatch(/739/);
  });

  it('OK stays disabled below the minimum length and submits the digits once reached, then forgets them', () => {
    const submitted: string[] = [];
    renderPinPad((digits) => submitted.push(digits));
    for (const digit of ['1', '2', '3']) press(digit);
    expect(screen.getByRole('button', { name: 'OK' })).toHaveProperty('disabled', true);
    press('4');
    press('OK');
    expect(submitted).toEqual(['1234']);
    expect(screen.getByTestId('pin-dots').children).toHaveLength(0);
  });

  it('backspace removes the last digit and Clear removes all of them', () => {
    const submitted: string[] = [];
    renderPinPad((digits) => submitted.push(digits));
    for (const digit of ['5', '6', '7', '8', '9']) press(digit);
    press('Delete last digit');
    expect(screen.getByTestId('pin-dots').children).toHaveLength(4);
    press('Clear');
    expect(screen.getByTestId('pin-dots').children).toHaveLength(0);
    for (const digit of ['2', '4', '6', '8']) press(digit);
    press('OK');
    expect(submitted).toEqual(['2468']);
  });

  it('stops taking digits at the maximum length', () => {
    const submitted: string[] = [];
    renderPinPad((digits) => submitted.push(digits));
    for (const digit of ['1', '2', '3', '4', '5', '6', '7', '8']) press(digit);
    press('OK');
    expect(submitted).toEqual(['123456']);
  });

  it('every key is a labelled button inside a named group, and Cancel leaves', () => {
    let cancelled = 0;
    renderPinPad(() => {}, () => cancelled++);
    const group = screen.getByRole('group', { name: 'PIN keypad' });
    expect(group.querySelectorAll('button')).toHaveLength(13);
    press('Cancel');
    expect(cancelled).toBe(1);
  });
});
