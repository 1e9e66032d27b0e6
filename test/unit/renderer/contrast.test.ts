import { readFileSync } from 'node:fs';

const read = (file: string) => readFileSync(new URL(`../../../renderer/${file}`, import.meta.url), 'utf8');

/** The 6-digit colours a stylesheet's blocks with exactly this selector define, later files winning. */
function colours(files: readonly string[], selector: string): ReadonlyMap<string, string> {
  const found = new Map<string, string>();
  for (const file of files) {
    for (const block of read(file).matchAll(/([^{}]+)\{([^}]*)\}/g)) {
      // The text before `{`, without comments and without an @import statement ahead of it.
      if (block[1]!.replace(/\/\*[\s\S]*?\*\//g, '').split(';').pop()!.trim() !== selector) continue;
      for (const [, name, hex] of block[2]!.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)) found.set(name!, hex!);
    }
  }
  return found;
}

function palette(files: readonly string[], ...selectors: string[]): (name: string) => string {
  const merged = new Map(selectors.flatMap((selector) => [...colours(files, selector)]));
  return (name) => {
    const hex = merged.get(name);
    if (!hex) throw new Error(`${files.join(' + ')} (${selectors.join(', ')}) has no 6-digit hex colour --${name}`);
    return hex;
  };
}

const KIOSK_FILES = ['shared/palette.css', 'kiosk/kiosk.css'];
const USER_FILES = ['shared/palette.css', 'user/user.css'];

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

// Every text/background pair a stylesheet uses (WCAG 2.1 AA: 4.5:1 for normal text).
const PALETTE_PAIRS: readonly [string, string][] = [
  ['fg', 'bg'],
  ['fg', 'surface'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['on-primary', 'primary'],
  ['primary', 'surface'],
];

const TEXT_PAIRS: readonly [string, string][] = [
  ...PALETTE_PAIRS,
  ['primary', 'bg'],
  ['danger', 'bg'],
  ['danger', 'surface'],
  ['on-primary', 'danger'],
  ['info-fg', 'info-bg'],
  ['warning-fg', 'warning-bg'],
  ['bar-fg', 'bar-bg'],
];

const USER_TEXT_PAIRS: readonly [string, string][] = [
  ...PALETTE_PAIRS,
  ['on-primary', 'fg'],
  ['danger', 'alert-bg'],
  ['ok-fg', 'ok-bg'],
];

describe.each([
  ['kiosk', palette(KIOSK_FILES, ':root')],
  ['kiosk high-contrast', palette(KIOSK_FILES, ':root', ':root.high-contrast')],
])('%s colours (WCAG 2.1 AA)', (_name, variable) => {
  it.each(TEXT_PAIRS)('text --%s on --%s reaches 4.5:1', (fg, bg) => {
    expect(contrast(variable(fg), variable(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['light-ok', 'light-bad', 'light-idle', 'light-busy'])('status light --%s stands out from the bar (3:1)', (light) => {
    expect(contrast(variable(light), variable('bar-bg'))).toBeGreaterThanOrEqual(3);
  });

  it('the focus ring stands out from the page (3:1)', () => {
    expect(contrast(variable('focus'), variable('bg'))).toBeGreaterThanOrEqual(3);
  });
});

describe('user web interface colours (WCAG 2.1 AA)', () => {
  const variable = palette(USER_FILES, ':root');
  it.each(USER_TEXT_PAIRS)('text --%s on --%s reaches 4.5:1', (fg, bg) => {
    expect(contrast(variable(fg), variable(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it('the focus ring stands out from the page (3:1)', () => {
    expect(contrast(variable('focus'), variable('bg'))).toBeGreaterThanOrEqual(3);
  });
});

describe('contrast formula', () => {
  it('matches the known black-on-white ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
