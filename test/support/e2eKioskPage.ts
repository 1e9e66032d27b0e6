import type { Page } from 'playwright';

/** Presses digits on the on-screen keypad by clicking, as a person at the touchscreen would. */
export async function pressDigits(page: Page, digits: string): Promise<void> {
  const keypad = page.locator('.keypad');
  for (const digit of digits) await keypad.getByRole('button', { name: digit, exact: true }).click();
}

export async function pressOk(page: Page): Promise<void> {
  await page.locator('.keypad').getByRole('button', { name: 'OK', exact: true }).click();
}

/** Digits then OK. */
export async function enterOnKeypad(page: Page, digits: string): Promise<void> {
  await pressDigits(page, digits);
  await pressOk(page);
}

function keyEventsFor(char: string): { code: string; key: string; text: string; windowsVirtualKeyCode: number } {
  if (char === '\r') return { code: 'Enter', key: 'Enter', text: '\r', windowsVirtualKeyCode: 13 };
  if (/^\d$/.test(char)) return { code: `Digit${char}`, key: char, text: char, windowsVirtualKeyCode: char.charCodeAt(0) };
  if (/^[A-Z]$/.test(char)) return { code: `Key${char}`, key: char, text: char, windowsVirtualKeyCode: char.charCodeAt(0) };
  // Separators some readers are set to send between groups of digits.
  if (char === ' ') return { code: 'Space', key: ' ', text: ' ', windowsVirtualKeyCode: 32 };
  if (char === '-') return { code: 'Minus', key: '-', text: '-', windowsVirtualKeyCode: 189 };
  throw new Error(`the wedge simulation types digits, capital letters, space and dash only, not ${JSON.stringify(char)}`);
}

/**
 * A keyboard-wedge reader: real (trusted) keystrokes through Chromium's input pipeline, the
 * card's characters then Enter. A reader types a key every few milliseconds; the commands are
 * pipelined over the DevTools protocol instead of awaited one by one, so a busy test machine
 * cannot stretch the burst into what looks like a person typing.
 */
export async function swipeWedge(page: Page, cardNumber: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const sent: Promise<unknown>[] = [];
    for (const char of `${cardNumber}\r`) {
      const key = keyEventsFor(char);
      const modifiers = /^[A-Z]$/.test(char) ? 8 : 0; // Shift, as a reader types capitals
      sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', modifiers, ...key }));
      sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', modifiers, code: key.code, key: key.key, windowsVirtualKeyCode: key.windowsVirtualKeyCode }));
    }
    await Promise.all(sent);
  } finally {
    await cdp.detach();
  }
}

/** Waits for the screen with this test id to be visible. */
export async function expectScreen(page: Page, testId: string, timeout = 10_000): Promise<void> {
  await page.getByTestId(testId).waitFor({ state: 'visible', timeout });
}
