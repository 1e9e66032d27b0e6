import type { Page } from 'playwright';

/** Characters on the bottom row of both pages of the kiosk's on-screen keyboard. */
const BOTH_PAGES = new Set(['@', '.', '-']);

/**
 * Types text by tapping the kiosk's on-screen keyboard (renderer/kiosk/link), as a person would:
 * switching to the digits-and-symbols page and back, and Shift for a capital letter.
 */
export async function tapOnScreenKeyboard(page: Page, text: string): Promise<void> {
  const keyboard = page.getByTestId('on-screen-keyboard');
  const onPage = async (wanted: 'letters' | 'symbols') => {
    if ((await keyboard.getAttribute('data-page')) === wanted) return;
    await keyboard.getByRole('button', { name: wanted === 'letters' ? 'Letters' : 'Digits and symbols', exact: true }).click();
  };
  for (const char of text) {
    if (/^\p{L}$/u.test(char)) {
      await onPage('letters');
      if (char !== char.toLowerCase()) await keyboard.getByRole('button', { name: 'Shift', exact: true }).click();
    } else if (char === ' ') {
      await keyboard.getByRole('button', { name: 'Space', exact: true }).click();
      continue;
    } else if (!BOTH_PAGES.has(char)) {
      await onPage('symbols');
    }
    await keyboard.getByRole('button', { name: char, exact: true }).click();
  }
}
