/** Print release's method names, zod-free like methodNames.ts (the preload carries only these strings). */
export const PRINT_METHOD_NAMES = ['printJobs', 'printRelease', 'printDelete', 'printSetupStatus'] as const;

export type PrintMethodName = (typeof PRINT_METHOD_NAMES)[number];
