/** What the kiosk shows about its link to the central store (status bar, `badgekiosk sync status`). */
export type SyncState =
  /** Never enrolled: the local store is the authority. */
  | 'standalone'
  /** Enrolled, first full sync not finished: the replica is partial. */
  | 'initial-sync'
  | 'online'
  | 'offline'
  /** The central store no longer accepts this kiosk's token: enroll again. */
  | 'revoked';

export interface SyncStatus {
  readonly state: SyncState;
  readonly centralUrl: string | null;
  readonly kioskId: string | null;
  /** Last sequence applied to the local replica. */
  readonly cursor: number;
  /** Latest sequence the central store has announced. */
  readonly latest: number;
  /** Commands waiting for the central store. */
  readonly pending: number;
  /** True while the live channel is open. */
  readonly live: boolean;
  readonly lastSyncAt: number | null;
  readonly lastError: string | null;
}

/** How far the first full sync got, by sequence (an estimate: sequences have gaps); null once done. */
export function initialSyncPercent(status: Pick<SyncStatus, 'state' | 'cursor' | 'latest'>): number | null {
  if (status.state !== 'initial-sync') return null;
  return status.latest <= 0 ? 0 : Math.min(100, Math.floor((status.cursor / status.latest) * 100));
}

export type SyncEvent =
  | { readonly type: 'status'; readonly status: SyncStatus }
  | {
      readonly type: 'progress';
      /** Rows applied so far in this pull. */
      readonly applied: number;
      readonly cursor: number;
      readonly latest: number;
      /** 0..1, by sequence: an estimate, sequences have gaps. */
      readonly fraction: number;
    }
  | { readonly type: 'rejected'; readonly idempotencyKey: string; readonly command: string; readonly code: string; readonly message: string };
