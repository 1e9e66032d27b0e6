import type { Page } from 'playwright';
import { LONG_PRESS_MS } from '../../renderer/kiosk/technician/TechnicianCorner.js';

export const TECHNICIAN_PIN = '2580';

/** Holds the idle screen's top-left corner as a finger would, a little longer than needed. */
export async function holdTechnicianCorner(page: Page): Promise<void> {
  const corner = page.getByTestId('technician-corner');
  await corner.waitFor();
  const box = await corner.boundingBox();
  if (!box) throw new Error('the technician corner has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(LONG_PRESS_MS + 500);
  await page.mouse.up();
}

/** Types a Card/ID number on the learn flow's pad (A–F switched on when needed), then OK. */
export async function typeOnTechnicianPad(page: Page, value: string): Promise<void> {
  const pad = page.getByTestId('card-number-pad');
  await pad.waitFor();
  if (/[A-F]/.test(value)) await pad.getByRole('button', { name: 'A–F', exact: true }).click();
  for (const char of value) await pad.getByRole('button', { name: char, exact: true }).first().click();
  await pad.locator('.keypad').getByRole('button', { name: 'OK', exact: true }).click();
}
