/** Paths under /admin/ (the central store answers every one of them with this app). */
export const PATHS = {
  general: '/options/general',
  configEditor: '/options/config-editor',
  users: '/users',
  importUsers: '/users/import',
  kiosks: '/kiosks',
  audit: '/audit',
  account: '/account',
} as const;
