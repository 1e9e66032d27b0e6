import type { en } from './en.js';

type Widen<V> = V extends string ? string : V;

/** Every user-visible text of the admin console, keyed; parameterised texts are functions. */
export type Messages = { readonly [K in keyof typeof en]: Widen<(typeof en)[K]> };
export type MessageKey = keyof Messages;
