// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { KeyboardWedgeDecoder } from '../../../src/devices/keyboardWedgeDecoder.js';
import { useKeyboardWedge } from '../../../renderer/kiosk/wedge/useKeyboardWedge.js';

function Capture(props: { readonly enabled: boolean; readonly onCard: (card: string) => void }) {
  useKeyboardWedge(props.enabled, createDecoder, props.onCard);
  return null;
}
const createDecoder = () => new KeyboardWedgeDecoder();

/** Dispatches keydowns with chosen timestamps (jsdom lets a test set KeyboardEvent.timeStamp). */
function typeAt(text: string, gapMs: number): KeyboardEvent[] {
  return [...text, '\n'].map((char, i) => {
    const code = char === '\n' ? 'Enter' : /\d/.test(char) ? `Digit${char}` : `Key${char.toUpperCase()}`;
    const event = new KeyboardEvent('keydown', { code, key: char === '\n' ? 'Enter' : char, cancelable: true, bubbles: true });
    Object.defineProperty(event, 'timeStamp', { value: 1000 + i * gapMs });
    window.dispatchEvent(event);
    return event;
  });
}

describe('keyboard-wedge capture in the kiosk page', () => {
  it('a reader-speed burst ended by Enter becomes one card, and its keys do nothing else', () => {
    const cards: string[] = [];
    render(<Capture enabled onCard={(card) => cards.push(card)} />);
    const events = typeAt('0006547886', 8);
    expect(cards).toEqual(['0006547886']);
    expect(events.at(-1)?.defaultPrevented).toBe(true);
  });

  it('a person typing slowly is not a card', () => {
    const cards: string[] = [];
    render(<Capture enabled onCard={(card) => cards.push(card)} />);
    typeAt('123456', 250);
    expect(cards).toEqual([]);
  });

  it('listens to nothing while the kiosk has no keyboard-wedge reader', () => {
    const cards: string[] = [];
    render(<Capture enabled={false} onCard={(card) => cards.push(card)} />);
    typeAt('0006547886', 8);
    expect(cards).toEqual([]);
  });
});
