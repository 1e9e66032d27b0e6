// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { QrCode } from '../../../renderer/kiosk/components/QrCode.js';

describe('QR code of a new Card/ID number', () => {
  it('is an SVG of the code with its quiet zone, named for screen readers', () => {
    const { container, getByRole } = render(<QrCode text="44613939" label="Your new Card/ID number as a QR code" />);
    expect(getByRole('img', { name: 'Your new Card/ID number as a QR code' })).toBeTruthy();
    // An 8-digit number fits version 1 (21 modules), plus 4 light modules on each side.
    expect(container.querySelector('svg')!.getAttribute('viewBox')).toBe('0 0 29 29');
    // The three finder patterns: the corner modules of a version-1 code are dark.
    const d = container.querySelector('path')!.getAttribute('d')!;
    for (const corner of ['M4 4h', 'M24 4h', 'M4 24h']) expect(d).toContain(corner);
  });

  it('differs for a different number', () => {
    const path = (text: string) => render(<QrCode text={text} label="qr" />).container.querySelector('path')!.getAttribute('d');
    expect(path('44613939')).not.toBe(path('44613938'));
  });
});
