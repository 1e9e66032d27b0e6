import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '../../../src/host/demoUsers.js';
import { readEnrollment } from '../../../src/sync/index.js';
import { openHostKiosk } from '../../support/hostKiosk.js';

const ada = DEMO_USERS.find((u) => u.username === 'ada')!;
const alan = DEMO_USERS.find((u) => u.username === 'alan')!;

describe('the embedded default: a central store in the kiosk process', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'badgekiosk-embedded-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('first start: enrolls with it on loopback, the demo users arrive by sync, Card/ID changes go through it', async () => {
    const kiosk = await openHostKiosk({ centralMode: 'embedded', dataDir, keepDataDir: true });
    try {
      const enrollment = readEnrollment(kiosk.runtime.store)!;
      expect(enrollment.centralUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
      const state = (await kiosk.call('getState')).value;
      expect(state.sync).toMatchObject({ mode: 'enrolled', online: true, pendingChanges: 0 });
      expect(state.kioskId).toBe(enrollment.kioskId);
      expect(kiosk.runtime.store.uow.repos.users.count()).toBe(DEMO_USERS.length);

      await kiosk.call('presentCard', { cardNumber: alan.primaryCard });
      expect((await kiosk.call('submitPin', { pin: alan.pin })).value.phase).toBe('signed-in');
      const changed = await kiosk.call('regenerateCard');
      expect(changed.ok).toBe(true);
      expect(changed.value.changesLeftToday).toBe(2);
      expect(kiosk.runtime.store.uow.repos.users.findByCard(changed.value.cardNumber)?.username).toBe('alan');
    } finally {
      await kiosk.close();
    }
  });

  it('later starts serve from the replica at once, then reconnect on the new port without seeding again', async () => {
    const kiosk = await openHostKiosk({ centralMode: 'embedded', dataDir, keepDataDir: true });
    try {
      expect(kiosk.runtime.store.uow.repos.users.count()).toBe(DEMO_USERS.length);
      await kiosk.runtime.linked;
      // Read from the state, as a renderer does when it connects: on later starts the link can be up
      // before this test subscribes to events, so an 'online' syncStatus event may have gone by unseen.
      expect((await kiosk.call('getState')).value.sync).toMatchObject({ mode: 'enrolled', online: true });
      expect(kiosk.logs.find('seeded the demo users into the embedded central store')).toBeUndefined();
      expect(kiosk.logs.find('linked to the embedded central store')).toMatchObject({ connection: 'reconnected' });
      await kiosk.call('presentCard', { cardNumber: ada.primaryCard });
      expect((await kiosk.call('submitPin', { pin: ada.pin })).value.phase).toBe('signed-in');
      expect((await kiosk.call('presentCard', { cardNumber: alan.primaryCard })).ok).toBe(false);
    } finally {
      await kiosk.close();
    }
  });
});
