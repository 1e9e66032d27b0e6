import httpClient, { type ClientRequest } from 'node:http';

/** Resolves with the status and body text as soon as the server answers, whether or not the body was all sent. */
export function answerOf(request: ClientRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

/** A users CSV of `rows` rows without PINs (usernames `prefix`N, Card/ID numbers from `cardBase`), then `lastRow` if given. */
export function bigUsersCsv(rows: number, prefix: string, cardBase: number, lastRow?: string): string {
  const lines = ['username,name,email,primary_card,secondary_card,pin'];
  for (let i = 0; i < rows; i++) lines.push(`${prefix}${i},User ${i},${prefix}${i}@example.org,${cardBase + i},,`);
  if (lastRow !== undefined) lines.push(lastRow);
  return lines.join('\n') + '\n';
}

export interface RunningImport {
  /** Resolves when the last byte of the body has been handed to the socket. */
  readonly sent: Promise<void>;
  readonly answer: Promise<{ status: number; body: string }>;
}

/** POSTs a CSV import (node:http, so the moment the body is all sent is known). */
export function startImport(baseUrl: string, csv: string, headers: Record<string, string>): RunningImport {
  const url = new URL('/api/v1/admin/users/import', baseUrl);
  const request = httpClient.request({
    host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
    headers: { 'content-type': 'text/csv', 'content-length': String(Buffer.byteLength(csv)), ...headers },
  });
  const answer = answerOf(request);
  const sent = new Promise<void>((resolve) => request.end(csv, () => resolve()));
  return { sent, answer };
}

/**
 * Polls `/api/v1/health` one request after another until `until` settles, counting the answers
 * that arrived after `from` resolved and before `until` did: progress, not timing.
 */
export async function healthAnswersDuring(baseUrl: string, from: Promise<unknown>, until: Promise<unknown>, onAnswer?: (count: number) => void): Promise<number> {
  let started = false;
  let over = false;
  void from.then(() => (started = true));
  void until.then(() => (over = true), () => (over = true));
  let count = 0;
  while (!over) {
    const response = await fetch(`${baseUrl}/api/v1/health`);
    await response.text();
    if (response.status !== 200) throw new Error(`health answered ${response.status}`);
    if (started && !over) onAnswer?.(++count);
  }
  return count;
}
