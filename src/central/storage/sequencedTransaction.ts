import { sql } from 'kysely';
import type { CentralDb, WriteTx } from './centralStorage.js';

/**
 * The WriteTx of a transaction a backend opened on `conn`: sequences come from change_counter in
 * that transaction, and the highest one reserved is what the backend announces once it commits.
 */
export function sequencedTransaction(conn: CentralDb): { readonly tx: WriteTx; highestReserved(): number; revokedKiosks(): readonly string[] } {
  let highest = 0;
  const revoked: string[] = [];
  const reserve = async (count: number) => {
    const row = await sql<{ seq: number }>`update change_counter set seq = seq + ${count} where id = 1 returning seq`.execute(conn);
    highest = Number(row.rows[0]!.seq);
    return highest;
  };
  return {
    tx: { db: conn, nextSeq: () => reserve(1), reserveSeqs: async (count) => (await reserve(count)) - count + 1, kioskRevoked: (id) => void revoked.push(id) },
    highestReserved: () => highest,
    revokedKiosks: () => revoked,
  };
}
