import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errorReplies.js';

/**
 * At most `limit` CSV imports at once per central process (issue 11, finding 2): each may hold a
 * 32 MiB file, its rows and its PIN hashing, so a handful of concurrent uploads must not be able to
 * exhaust memory. Runs in onRequest, after authentication and before a byte of the body is read;
 * the slot is given back when the response ends, however it ends.
 */
export function importGate(limit: number) {
  let running = 0;
  return async function oneImportAtATime(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (running >= limit) {
      await reply
        .code(429)
        .header('retry-after', '10')
        .send(errorBody('import-busy', 'Another user import is running on this central store; try again when it has finished.'));
      return;
    }
    running += 1;
    // Given back as soon as the answer is written ('finish'), or when the connection goes ('close').
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      running -= 1;
    };
    reply.raw.once('finish', release);
    reply.raw.once('close', release);
  };
}
