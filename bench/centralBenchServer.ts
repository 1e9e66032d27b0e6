// Child process of bench/central.ts: one central store (as `badgekiosk central` runs it) and, in
// the same process, a Fastify hello-world route, so autocannon compares the two on equal terms.
// Prints one JSON line {"central": url, "hello": url} when both listen; stops on SIGTERM.
import Fastify from 'fastify';
import { startCentral } from '../src/central/startCentral.js';

const [db, pepperFile] = process.argv.slice(2);
if (!db || !pepperFile) throw new Error('usage: centralBenchServer.ts DB PEPPER_FILE');

const central = await startCentral({
  db,
  host: '127.0.0.1',
  port: 0,
  pepperFile,
  logLevel: false,
  // The limiter stays in the path (its cost is part of the figure), with room for autocannon.
  rateLimits: { globalPerMinute: 100_000_000, kioskPerMinute: 100_000_000 },
});
const hello = Fastify({ logger: false });
hello.get('/hello', async () => ({ hello: 'world' }));
await hello.listen({ host: '127.0.0.1', port: 0 });
const address = hello.server.address();
process.stdout.write(JSON.stringify({ central: central.url, hello: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` }) + '\n');
process.once('SIGTERM', () => {
  void Promise.all([central.close(), hello.close()]).then(() => process.exit(0));
});
