import path from 'node:path';

export interface ElectronStartOptions {
  readonly dataDir: string;
  readonly rendererDir: string;
  /** Packaged builds are production unless BADGEKIOSK_DEV=1; `badgekiosk start` from a checkout is not. */
  readonly production: boolean;
  readonly logLevel: string;
  /** `--central none` from `badgekiosk start --standalone`; the embedded central store otherwise. */
  readonly centralMode: 'embedded' | 'none';
}

/** `--data-dir DIR` (from `badgekiosk start`), else $BADGEKIOSK_DATA_DIR, else Electron's userData folder. */
export function electronStartOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  isPackaged: boolean,
  userData: () => string,
): ElectronStartOptions {
  const at = argv.indexOf('--data-dir');
  const flag = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  return {
    dataDir: path.resolve(flag ?? env.BADGEKIOSK_DATA_DIR ?? userData()),
    rendererDir: path.join(__dirname, '..', 'renderer', 'kiosk'),
    production: isPackaged ? env.BADGEKIOSK_DEV !== '1' : env.BADGEKIOSK_PRODUCTION === '1',
    logLevel: env.BADGEKIOSK_LOG_LEVEL ?? 'info',
    centralMode: argv[argv.indexOf('--central') + 1] === 'none' && argv.includes('--central') ? 'none' : 'embedded',
  };
}
