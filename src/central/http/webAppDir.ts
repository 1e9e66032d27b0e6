import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** URL prefix of the admin console (renderer/admin) on every central store. */
export const ADMIN_CONSOLE_PREFIX = '/admin/';
/** URL prefix of the User web interface (renderer/user); `/` leads there. */
export const USER_WEB_PREFIX = '/user/';

/**
 * A built web app, dist/renderer/<name> of the package this code runs from: found by walking up
 * to package.json, because this module runs from src/ (tests), dist/chunks/ (the CLI's lazily
 * loaded server) or an installed package alike.
 */
export function defaultWebAppDir(name: 'admin' | 'user'): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'dist', 'renderer', name);
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('dist', 'renderer', name);
    dir = parent;
  }
}
