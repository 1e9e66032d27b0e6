import { CentralHttpClient } from '../../src/sync/centralHttpClient.js';
import type { AdminSession } from './centralProcess.js';

/** A kiosk enrolled over HTTP only (no store): its token, and a client for the kiosk API. */
export async function enrollBareKiosk(admin: AdminSession, centralUrl: string, name: string): Promise<{ kioskId: string; token: string; client: CentralHttpClient }> {
  const created = await admin.call('POST', '/api/v1/admin/kiosks', { name });
  if (created.status !== 201) throw new Error(`kiosk create failed: ${JSON.stringify(created.body)}`);
  const enrollment = await new CentralHttpClient({ baseUrl: centralUrl }).enroll(created.body.enrollmentCode);
  return { kioskId: enrollment.kioskId, token: enrollment.token, client: new CentralHttpClient({ baseUrl: centralUrl, token: enrollment.token }) };
}

export interface OpenLiveChannel {
  /** Resolves when the server ends the stream (true), or after `ms` with the stream still open (false). */
  endedWithin(ms: number): Promise<boolean>;
  close(): void;
}

/** Opens the live channel (server-sent events) with a kiosk token and waits for its first event. */
export async function openLiveChannel(centralUrl: string, token: string): Promise<OpenLiveChannel> {
  const abort = new AbortController();
  const response = await fetch(`${centralUrl}/api/v1/kiosk/live`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`live channel answered ${response.status}`);
  const reader = response.body.getReader();
  await reader.read();
  const ended = (async () => {
    try {
      for (;;) if ((await reader.read()).done) return true;
    } catch {
      return abort.signal.aborted ? false : true;
    }
  })();
  return {
    endedWithin: (ms) => Promise.race([ended, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]),
    close: () => abort.abort(),
  };
}
