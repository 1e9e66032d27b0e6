import { readerProfileOf } from '../../../src/contract/index.js';
import { auditEvent, type AuditEvent } from '../../../src/core/index.js';
import { TechnicianAccess } from '../../../src/host/technician/technicianAccess.js';
import { kioskPaths } from '../../../src/store/index.js';
import { createArgon2PinHasher } from '../../../src/pinHashing/index.js';
import { cryptoRandomSource, systemClock } from '../../../src/platform/index.js';
import { SqliteReaderProfiles } from '../../../src/store/sqliteReaderProfiles.js';
import { SqliteTechnicianLock } from '../../../src/store/sqliteTechnicianLock.js';
import { backendDatabases, type BackendDatabases } from '../../support/centralBackends.js';
import { enrollTestKiosk, type TestKiosk } from '../../support/centralKiosk.js';
import {
  adminLogin, createAdminWithCli, eventually, freePort, removeDir, startCentralProcess, tempDir, type AdminSession, type CentralProcess,
} from '../../support/centralProcess.js';

/**
 * Technician mode and the central store, on a real central process (SQLite backend: the routes
 * are storage-independent) and an enrolled kiosk in this process: the technician PIN set in the
 * central store opens technician mode on the kiosk, and a saved reader profile reaches the central
 * store as this kiosk's reader profile.
 */
describe('technician mode with a central store', () => {
  let dir: string;
  let dbs: BackendDatabases;
  let central: CentralProcess;
  let admin: AdminSession;
  let kiosk: TestKiosk;

  beforeAll(async () => {
    dir = await tempDir('bk-technician-central-');
    dbs = await backendDatabases('sqlite', dir);
    const db = await dbs.fresh('technician');
    await createAdminWithCli(dir, db);
    central = await startCentralProcess({ dataDir: dir, db, port: await freePort() });
    admin = await adminLogin(central.url);
    kiosk = await enrollTestKiosk(central.url, admin, 'lobby');
  });

  afterAll(async () => {
    await kiosk?.close();
    await central?.stop();
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  it('refuses a technician PIN the PIN policy refuses, without echoing it', async () => {
    const refused = await admin.call('PUT', '/api/v1/admin/technician-pin', { pin: '4444' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('pin-policy');
    expect(JSON.stringify(refused.body)).not.toContain('4444');
  });

  it('a technician PIN set in the central store opens technician mode on the kiosk; the hash is never shown', async () => {
    const set = await admin.call('PUT', '/api/v1/admin/technician-pin', { pin: '4826' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ set: true });
    const listed = await admin.call('GET', '/api/v1/admin/config/technician.pin-hash');
    expect(listed.body.value).toBe('(set)');
    const audit = await admin.call('GET', '/api/v1/admin/audit?kind=technician.change');
    expect(JSON.stringify(audit.body)).toContain('technician-pin-set');
    expect(JSON.stringify([listed.body, audit.body])).not.toMatch(/\$argon2|4826/);

    await eventually(() => kiosk.store.configValues()['technician.pin-hash'].startsWith('$argon2id$'), 'the technician PIN hash on the kiosk');
    const events: AuditEvent[] = [];
    const access = new TechnicianAccess({
      config: kiosk.store.uow.repos.config,
      pinHasher: await createArgon2PinHasher({ pepperFile: kioskPaths(kiosk.dataDir).pepper }),
      lockStore: new SqliteTechnicianLock(kiosk.store),
      audit: { append: (event) => events.push(event) },
      clock: systemClock,
      random: cryptoRandomSource,
      kioskId: kiosk.kioskId,
    });
    expect(access.requestEntry('corner').ok).toBe(true);
    expect((await access.enter('4826')).ok).toBe(true);
    expect(access.phase).toBe('active');

    expect((await admin.call('DELETE', '/api/v1/admin/technician-pin')).body).toEqual({ set: false });
    await eventually(() => kiosk.store.configValues()['technician.pin-hash'] === '', 'the technician PIN removed on the kiosk');
  });

  it('a reader profile saved on the kiosk becomes this kiosk’s reader profile in the central store', async () => {
    expect((await admin.call('GET', `/api/v1/admin/kiosks/${kiosk.kioskId}/reader-profile`)).status).toBe(404);
    const profile = readerProfileOf([{ id: 'door', preset: 'rdm6300', path: '/dev/ttyUSB0', pipeline: 'substr:2|hex2dec|pad:10' }]);
    const event = auditEvent({ id: cryptoRandomSource.uuid(), at: systemClock.now(), kind: 'technician.change', outcome: 'success', kioskId: kiosk.kioskId, details: { what: 'reader-profile' } });
    const saved = new SqliteReaderProfiles(kiosk.store, systemClock, cryptoRandomSource).save(profile, event);
    expect(saved.central).toBe('queued');
    await kiosk.sync.syncNow();
    const stored = await eventually(async () => {
      const answer = await admin.call('GET', `/api/v1/admin/kiosks/${kiosk.kioskId}/reader-profile`);
      return answer.status === 200 ? answer.body : undefined;
    }, 'the reader profile in the central store');
    expect(stored).toMatchObject({ kioskId: kiosk.kioskId, savedAt: saved.savedAt, profile });
  });
});
