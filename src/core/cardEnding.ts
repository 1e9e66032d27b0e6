/**
 * The end of a Card/ID number: enough for an administrator to match a report, never the
 * credential. Also takes a number the central store masked keeping its length (••••••1337): the
 * same form comes out, never showing more than either mask, so every audit line masks alike.
 */
export function cardEnding(cardNumber: string): string {
  // Cards and typed IDs alike: never the whole number (a short typed ID such as 7001 would be all
  // of it), at most its last four characters and at most half of it.
  const hidden = /^•*/u.exec(cardNumber)![0].length;
  const shown = Math.min(4, Math.floor(cardNumber.length / 2), cardNumber.length - hidden);
  return `…${shown > 0 ? cardNumber.slice(-shown) : ''}`;
}
