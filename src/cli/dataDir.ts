import os from 'node:os';
import path from 'node:path';

/** The OS's per-user application data folder for badgekiosk. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.BADGEKIOSK_DATA_DIR) return env.BADGEKIOSK_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'badgekiosk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'badgekiosk');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'badgekiosk');
}
