import type { technicianEn } from './en.js';

type Widen<V> = V extends string ? string : V;

/** Technician mode's keys with their parameter types; each language's technician texts satisfy it. */
export type TechnicianMessages = { readonly [K in keyof typeof technicianEn]: Widen<(typeof technicianEn)[K]> };
