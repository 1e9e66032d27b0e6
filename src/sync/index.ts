export { CentralCallError, CentralHttpClient, normalizeCentralUrl, type FetchLike } from './centralHttpClient.js';
export { enrollKiosk, fileTokenStore, readEnrollment, writeSecretFile, type EnrollOptions, type Enrollment, type KioskTokenStore } from './kioskEnrollment.js';
export { connectEmbeddedKiosk, type EmbeddedConnection } from './embeddedEnrollment.js';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './retryBackoff.js';
export { CARD_CHANGE_UNCONFIRMED_MESSAGE, CENTRAL_UNREACHABLE_MESSAGE } from './cardChangeRequest.js';
export { createSyncClient, type SyncClient, type SyncClientOptions } from './syncClient.js';
export { initialSyncPercent, type SyncEvent, type SyncState, type SyncStatus } from './syncStatus.js';
export { centralKioskPrint } from './centralPrintClient.js';
