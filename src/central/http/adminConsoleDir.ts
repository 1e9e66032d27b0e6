import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** URL prefix of the admin console (renderer/admin) on every central store. */
export const ADMIN_CONSOLE_PREFIX = '/admin/';

/**
 * The built admin console, dist/renderer/admin of the package this code runs from: found by
 * walking up to package.json, because this module runs from src/ (tests), dist/chunks/ (the CLI's
 * lazily loaded server) or an installed package alike.
 */
export function defaultAdminConsoleDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'dist', 'renderer', 'admin');
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('dist', 'renderer', 'admin');
    dir = parent;
  }
}
