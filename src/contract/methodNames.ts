import { CARD_LINK_METHOD_NAMES } from './cardLinkMethodNames.js';
import { PRINT_METHOD_NAMES } from './printMethodNames.js';
import { TECHNICIAN_METHOD_NAMES } from './technicianMethodNames.js';

/**
 * The names alone, free of zod, so the Electron preload (a sandboxed, bundled script) carries
 * only these strings. kioskMethods.ts fails to compile unless its map has exactly these keys.
 */
export const METHOD_NAMES = [
  'getState',
  'presentCard',
  'beginTypedId',
  'submitPin',
  'setFirstPin',
  'changePin',
  'checkCurrentPin',
  'regenerateCard',
  'setCard',
  'checkCard',
  'touch',
  'logout',
  'cancel',
  ...TECHNICIAN_METHOD_NAMES,
  ...PRINT_METHOD_NAMES,
  ...CARD_LINK_METHOD_NAMES,
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}
