/**
 * The kiosk API's addresses and headers (`/api/v1/kiosk/…`, DESIGN §5): what the central store
 * serves and what the kiosk's sync client calls. Both sides import these; neither imports the other.
 */
export const API_PREFIX = '/api/v1';
export const KIOSK_VERSION_HEADER = 'x-badgekiosk-version';

export const KIOSK_API = {
  enroll: `${API_PREFIX}/kiosk/enroll`,
  changes: `${API_PREFIX}/kiosk/changes`,
  live: `${API_PREFIX}/kiosk/live`,
  commands: `${API_PREFIX}/kiosk/commands`,
  /** Fastify route of one command's outcome; the client builds the address with `commandOutcomePath`. */
  commandOutcome: `${API_PREFIX}/kiosk/commands/:key`,
} as const;

/** Where a kiosk asks for the outcome of the command it pushed under `key` (idempotency key). */
export function commandOutcomePath(key: string): string {
  return `${API_PREFIX}/kiosk/commands/${encodeURIComponent(key)}`;
}
