import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Field names that must never reach a log line. The host never logs payloads in the first place;
 * this is the second lock on the door, in case a future line passes an object through.
 */
export const SECRET_LOG_PATHS = [
  'pin', 'newPin', 'confirmPin', 'currentPin', 'pinHash', 'token', 'input',
  '*.pin', '*.newPin', '*.confirmPin', '*.currentPin', '*.pinHash', '*.token', '*.input',
];

export function createHostLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    { name: 'kiosk-host', level: options.level ?? 'info', redact: { paths: SECRET_LOG_PATHS, censor: '[redacted]' } },
    options.destination ?? pino.destination(2),
  );
}

/** A method name as it may appear in a log: only a plausible identifier, never arbitrary caller text. */
export function loggableName(name: unknown): string {
  return typeof name === 'string' && /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(name) ? name : '(unreadable)';
}
