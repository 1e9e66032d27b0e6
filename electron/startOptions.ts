import path from 'node:path';

export interface ElectronStartOptions {
  readonly dataDir: string;
  readonly rendererDir: string;
  /** Packaged builds are production unless BADGEKIOSK_DEV=1; `badgekiosk start` from a checkout is not. */
  readonly production: boolean;
  readonly logLevel: string;
  /** `--central none` from `badgekiosk start --standalone`; the embedded central store otherwise. */
  readonly centralMode: 'embedded' | 'none';
  /** `--serial-preset P --serial-port PATH [--serial-pipeline S]` passed on by `badgekiosk start`. */
  readonly serialReader: { readonly preset: string; readonly port: string; readonly pipeline?: string } | null;
}

function flag(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** `--data-dir DIR` (from `badgekiosk start`), else $BADGEKIOSK_DATA_DIR, else Electron's userData folder. */
export function electronStartOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  isPackaged: boolean,
  userData: () => string,
): ElectronStartOptions {
  const dataDir = flag(argv, '--data-dir') ?? argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  return {
    dataDir: path.resolve(dataDir ?? env.BADGEKIOSK_DATA_DIR ?? userData()),
    rendererDir: path.join(__dirname, '..', 'renderer', 'kiosk'),
    production: isPackaged ? env.BADGEKIOSK_DEV !== '1' : env.BADGEKIOSK_PRODUCTION === '1',
    logLevel: env.BADGEKIOSK_LOG_LEVEL ?? 'info',
    centralMode: flag(argv, '--central') === 'none' ? 'none' : 'embedded',
    serialReader: serialReaderOf(argv),
  };
}

function serialReaderOf(argv: readonly string[]): ElectronStartOptions['serialReader'] {
  const preset = flag(argv, '--serial-preset');
  const port = flag(argv, '--serial-port');
  if (preset === undefined || port === undefined) return null;
  const pipeline = flag(argv, '--serial-pipeline');
  return { preset, port, ...(pipeline !== undefined ? { pipeline } : {}) };
}
