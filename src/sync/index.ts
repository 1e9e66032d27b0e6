export { CentralCallError, CentralHttpClient, normalizeCentralUrl, type FetchLike } from './centralHttpClient.js';
export { enrollKiosk, fileTokenStore, readEnrollment, writeSecretFile, type EnrollOptions, type Enrollment, type KioskTokenStore } from './kioskEnrollment.js';
export { connectEmbeddedKiosk, type EmbeddedConnection } from './embeddedEnrollment.js';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './retryBackoff.js';
export { CENTRAL_UNREACHABLE_MESSAGE, createSyncClient, type SyncClient, type SyncClientOptions } from './syncClient.js';
export type { SyncEvent, SyncState, SyncStatus } from './syncStatus.js';
export { centralKioskPrint } from './centralPrintClient.js';
