/** Card self-association's method names, zod-free like methodNames.ts (the preload carries only these strings). */
export const CARD_LINK_METHOD_NAMES = ['linkCard'] as const;
