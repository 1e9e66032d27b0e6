import { printNotConfigured, type KioskPrint } from '../../core/index.js';
import type { HostPrint } from './printHandlers.js';
import { kioskPaths, type KioskStore } from '../../store/index.js';
import { cryptoRandomSource, systemClock } from '../../platform/index.js';
import { CentralHttpClient, centralKioskPrint, fileTokenStore, readEnrollment } from '../../sync/index.js';
import { openLocalPrint } from './localPrint.js';

/**
 * The kiosk's print release, decided at each call because enrollment (and the embedded central
 * store's port) can change while the kiosk runs: an enrolled kiosk asks its central store, a
 * standalone one talks to CUPS with the setup in its own store.
 */
export function runtimeKioskPrint(store: KioskStore, dataDir: string): HostPrint {
  const opened = openLocalPrint({ store, secretsDir: kioskPaths(dataDir).secretsDir, clock: systemClock, random: cryptoRandomSource, kioskId: null });
  const local = opened.kioskPrint;
  const tokens = fileTokenStore(dataDir);
  const current = async (): Promise<KioskPrint> => {
    const enrollment = readEnrollment(store);
    if (!enrollment) return local;
    const token = await tokens.read();
    return centralKioskPrint(new CentralHttpClient({ baseUrl: enrollment.centralUrl, ...(token ? { token } : {}) }), { timeoutMs: 8000 });
  };
  return {
    list: async (user) => (await current()).list(user),
    release: async (user, selection) => (await current()).release(user, selection),
    delete: async (user, selection) => (await current()).delete(user, selection),
    setupStatus() {
      const enrollment = readEnrollment(store);
      if (enrollment) return { status: 'central', url: enrollment.centralUrl };
      const printer = opened.setup.releasePrinter();
      if (printer && opened.setup.server(printer.server)) return { status: 'ready', printer: `${printer.server}/${printer.queue}` };
      const missing = printNotConfigured(opened.setup.servers().length === 0 ? 'server' : 'printer');
      return { status: 'not-configured', command: missing.command };
    },
  };
}
