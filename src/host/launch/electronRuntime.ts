import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron binary, if this machine has one, found the way the `electron` package finds it
 * (path.txt beside its package.json, the binary under dist/, or ELECTRON_OVERRIDE_DIST_PATH) but
 * without loading the package: loading it tries to download the binary, which on machines without
 * access to Electron's releases prints errors and stalls. null means "use web mode".
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.BADGEKIOSK_ELECTRON) return existsSync(env.BADGEKIOSK_ELECTRON) ? env.BADGEKIOSK_ELECTRON : null;
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
    : executable
      ? path.join(packageDir, 'dist', executable)
      : null;
  return binary !== null && existsSync(binary) ? binary : null;
}
