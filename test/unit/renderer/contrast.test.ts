import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('../../../renderer/kiosk/kiosk.css', import.meta.url), 'utf8');

function variable(name: string): string {
  const match = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`).exec(css);
  if (!match?.[1]) throw new Error(`kiosk.css has no 6-digit hex colour --${name}`);
  return match[1];
}

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// Every text/background pair the stylesheet uses (WCAG 2.1 AA: 4.5:1 for normal text).
const TEXT_PAIRS: readonly [string, string][] = [
  ['fg', 'bg'],
  ['fg', 'surface'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['on-primary', 'primary'],
  ['primary', 'surface'],
  ['primary', 'bg'],
  ['danger', 'bg'],
  ['danger', 'surface'],
  ['on-primary', 'danger'],
  ['info-fg', 'info-bg'],
  ['warning-fg', 'warning-bg'],
  ['bar-fg', 'bar-bg'],
];

describe('kiosk colours (WCAG 2.1 AA)', () => {
  it.each(TEXT_PAIRS)('text --%s on --%s reaches 4.5:1', (fg, bg) => {
    expect(contrast(variable(fg), variable(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['light-ok', 'light-bad', 'light-idle', 'light-busy'])('status light --%s stands out from the bar (3:1)', (light) => {
    expect(contrast(variable(light), variable('bar-bg'))).toBeGreaterThanOrEqual(3);
  });

  it('the focus ring stands out from the page (3:1)', () => {
    expect(contrast(variable('focus'), variable('bg'))).toBeGreaterThanOrEqual(3);
  });

  it('the contrast formula matches the known black-on-white ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
