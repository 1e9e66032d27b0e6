/**
 * Keys a person typed on a physical keyboard, for whichever keypad is on screen (WCAG 2.1.1). The
 * page's one keydown listener (the keyboard-wedge capture) tells a person's keys from a reader's
 * burst; what it judges a person's arrives here, and the keypad showing subscribes. A reader's
 * burst never does, so a swipe is never typed into a PIN.
 */
export type KeypadInput = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'key'; readonly key: 'Enter' | 'Backspace' };

const EVENT = 'badgekiosk:keypad-input';

export function sendKeypadInput(input: KeypadInput, target: EventTarget = window): void {
  target.dispatchEvent(new CustomEvent<KeypadInput>(EVENT, { detail: input }));
}

export function onKeypadInput(listener: (input: KeypadInput) => void, target: EventTarget = window): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<KeypadInput>).detail);
  target.addEventListener(EVENT, handler);
  return () => target.removeEventListener(EVENT, handler);
}
