import type { BooleanKey, IntegerKey } from './configKey.js';

/** Print release's keys (issue 12; src/core/print). */
export const PRINT_CONFIG_KEYS = {
  'print.held-job-timeout-minutes': {
    type: 'integer', name: 'print.held-job-timeout-minutes', default: 240, min: 1, max: 43200,
    description: 'Held print jobs older than this are cancelled by the expiry sweep (audited print.expired).',
  } satisfies IntegerKey as IntegerKey,
  'print.release-all-on-login': {
    type: 'boolean', name: 'print.release-all-on-login', default: false,
    description: 'Release all of a user\'s held jobs to the kiosk\'s printer as soon as they sign in.',
  } satisfies BooleanKey as BooleanKey,
  'print.logout-after-release-seconds': {
    type: 'integer', name: 'print.logout-after-release-seconds', default: 10, min: 0, max: 600,
    description: 'Seconds the kiosk shows "Sent to PRINTER" after a release before it signs the user out (0: stay signed in).',
  } satisfies IntegerKey as IntegerKey,
} as const;
