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

/**
 * A keyboard-wedge reader: the card's characters as fast keystrokes ending in Enter (a reader
 * types a key every few milliseconds; a person is far slower).
 */
export async function swipeWedge(page: Page, cardNumber: string): Promise<void> {
  await page.keyboard.type(cardNumber, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** Waits for the screen with this test id to be visible. */
export async function expectScreen(page: Page, testId: string, timeout = 10_000): Promise<void> {
  await page.getByTestId(testId).waitFor({ state: 'visible', timeout });
}
