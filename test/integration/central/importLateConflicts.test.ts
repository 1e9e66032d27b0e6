import path from 'node:path';
import { importUsersCsv } from '../../../src/central/services/centralUserImport.js';
import { insertUserRow } from '../../../src/central/services/userRows.js';
import type { CentralStorage } from '../../../src/central/storage/centralStorage.js';
import { openCentralStorage } from '../../../src/central/storage/openCentralStorage.js';
import { createArgon2PinHasher } from '../../../src/pinHashing/index.js';
import { cryptoRandomSource, systemClock } from '../../../src/platform/index.js';
import { backendDatabases, CENTRAL_BACKENDS, type BackendDatabases } from '../../support/centralBackends.js';
import { removeDir, tempDir } from '../../support/centralProcess.js';

// Issue 11, finding 3: an import plans and stages without the write lock, so someone else can take a
// username or Card/ID number meanwhile. The final transaction must notice, name the lines, and import
// nothing. Real storage on both backends and real argon2; the hasher is wrapped only to let that
// other writer in at a known moment (while the import hashes its PINs, after the plan).
describe.each(CENTRAL_BACKENDS)('an import refused at its final transaction on %s', (backend) => {
  let dir: string;
  let dbs: BackendDatabases;
  let storage: CentralStorage;

  beforeAll(async () => {
    dir = await tempDir('bk-import-late-');
    dbs = await backendDatabases(backend, dir);
    storage = await openCentralStorage(await dbs.fresh('late'));
  });

  afterAll(async () => {
    await storage?.close();
    dbs?.stop();
    if (dir) await removeDir(dir);
  });

  it('names the rows whose username or number was taken after the plan, and imports none of the file', async () => {
    const argon2 = await createArgon2PinHasher({ pepperFile: path.join(dir, 'pepper') });
    let interloped = false;
    const pinHasher = {
      async hash(pin: string) {
        if (!interloped) {
          interloped = true;
          await storage.write((tx) => insertUserRow(tx, {
            id: cryptoRandomSource.uuid(), username: 'late', displayName: 'Late', email: '', primaryCard: '77000003', secondaryCard: null, pinHash: null,
          }, Date.now()));
        }
        return argon2.hash(pin);
      },
    };
    const csv = [
      'username,name,email,primary_card,secondary_card,pin',
      'early,Early,,77000001,,3141',
      'late,Late in the file,,77000002,,',
      'carded,Carded,,77000004,77000003,',
    ].join('\n');
    const outcome = await importUsersCsv(csv, { storage, pinHasher, hashConcurrency: 1, clock: systemClock, random: cryptoRandomSource }, { username: 'admin' });
    expect(interloped).toBe(true);
    expect(outcome).toEqual({
      ok: false,
      problemCount: 2,
      problems: [
        { line: 3, reason: 'username late already exists' },
        { line: 4, reason: 'the secondary Card/ID number is already held by user late' },
      ],
    });
    const usernames = (await storage.db.selectFrom('users').select('username').execute()).map((row) => row.username);
    expect(usernames).toEqual(['late']);
    const audits = await storage.db.selectFrom('audit').select('kind').where('kind', '=', 'user.import').execute();
    expect(audits).toEqual([]);
  });

  it('imports the whole file with its PINs when nobody got in between, each user with its own change-feed sequence', async () => {
    const pinHasher = await createArgon2PinHasher({ pepperFile: path.join(dir, 'pepper') });
    const before = await storage.latestSeq();
    const csv = 'username,name,email,primary_card,secondary_card,pin\nann,Ann,ann@example.org,78000001,78000002,2718\nbob,,,,,\n';
    const outcome = await importUsersCsv(csv, { storage, pinHasher, hashConcurrency: 1, clock: systemClock, random: cryptoRandomSource }, { username: 'admin' });
    expect(outcome).toEqual({ ok: true, imported: 2, withPin: 1 });
    const rows = await storage.db.selectFrom('users').selectAll().where('username', 'in', ['ann', 'bob']).orderBy('seq').execute();
    expect(rows.map((row) => [row.username, row.display_name, Number(row.seq) - before, row.pin_hash === null, row.pin_set_at === null, Number(row.version)]))
      .toEqual([['ann', 'Ann', 1, false, false, 1], ['bob', 'bob', 2, true, true, 1]]);
    const cards = await storage.db.selectFrom('card_numbers').select(['number', 'field']).where('user_id', '=', rows[0]!.id).orderBy('number').execute();
    expect(cards).toEqual([{ number: '78000001', field: 'primary' }, { number: '78000002', field: 'secondary' }]);
    expect(await storage.latestSeq()).toBe(before + 2);
  });
});
