import type { PrintTarget } from '../../../src/core/index.js';
import { createIppPrintServer } from '../../../src/print/ippPrintServer.js';
import { startTestCups } from '../../support/printCups.js';
import { startPrintRig, waitForJobState, type PrintRig } from '../../support/printRig.js';

// Held-job rules of issue 12 on a real private cupsd, through the IPP adapter.
let rig: PrintRig;
const ada = { id: 'u-ada', username: 'ada' };

beforeAll(async () => {
  rig = await startPrintRig();
});
afterAll(async () => {
  await rig?.stop();
});

describe('listing', () => {
  test('lists the user\'s held jobs on the release printer and the follow-me queues, newest first; other users and other printers never', async () => {
    const first = await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'list: report' });
    const onLobby = await rig.cups.submit({ queue: 'lobby', user: 'ADA', title: 'list: upper case' });
    const domain = await rig.cups.submit({ queue: 'followme', user: 'CORP\\ada', title: 'list: domain' });
    const realm = await rig.cups.submit({ queue: 'followme', user: 'Ada@corp.example', title: 'list: realm', copies: 2 });
    await rig.cups.submit({ queue: 'followme', user: 'bob', title: 'list: bob' });
    await rig.cups.submit({ queue: 'followme', user: 'adam', title: 'list: adam' });
    await rig.cups.submit({ queue: 'annex', user: 'ada', title: 'list: other printer' });

    const listed = await rig.heldJobs.list(ada, rig.target);
    if (!listed.ok) throw new Error(listed.error.reason);
    const mine = listed.value.filter((job) => job.title.startsWith('list: '));
    expect(new Set(mine.map((job) => job.id))).toEqual(new Set([first, onLobby, domain, realm]));
    expect(mine.map((job) => job.title)).not.toContain('list: other printer');
    for (let i = 1; i < mine.length; i++) expect(mine[i - 1]!.submittedAt).toBeGreaterThanOrEqual(mine[i]!.submittedAt);
    const realmJob = mine.find((job) => job.id === realm)!;
    expect(realmJob).toMatchObject({ queue: 'followme', copies: 2, title: 'list: realm' });
    expect(realmJob.sizeBytes).toBeGreaterThan(0);
    expect(Object.keys(realmJob)).not.toContain('owner');
  });
});

describe('listing again (the owner index of ippOwnerIndex.ts)', () => {
  const titlesOf = async (user: { id: string; username: string }, prefix: string) => {
    const listed = await rig.heldJobs.list(user, rig.target);
    if (!listed.ok) throw new Error(listed.error.reason);
    return listed.value.filter((job) => job.title.startsWith(prefix)).map((job) => job.title).sort();
  };

  test('jobs under other spellings submitted after a listing are listed the next time; cancelled ones drop out', async () => {
    const lin = { id: 'u-lin', username: 'lin' };
    await rig.cups.submit({ queue: 'followme', user: 'lin', title: 'again: plain' });
    expect(await titlesOf(lin, 'again: ')).toEqual(['again: plain']);
    const domain = await rig.cups.submit({ queue: 'followme', user: 'CORP\\Lin', title: 'again: domain' });
    await rig.cups.submit({ queue: 'lobby', user: 'lin@corp.example', title: 'again: realm' });
    await rig.cups.submit({ queue: 'followme', user: 'CORP\\linus', title: 'again: linus' });
    expect(await titlesOf(lin, 'again: ')).toEqual(['again: domain', 'again: plain', 'again: realm']);
    await rig.cups.run('cancel', [String(domain)]);
    expect(await titlesOf(lin, 'again: ')).toEqual(['again: plain', 'again: realm']);
    expect(await titlesOf(lin, 'again: ')).toEqual(['again: plain', 'again: realm']);
  });

  test('listings at the same time (one shared index refresh) each see every job submitted before them', async () => {
    const users = ['pia', 'quin', 'rae'].map((username) => ({ id: `u-${username}`, username }));
    for (const round of [1, 2]) {
      for (const user of users) await rig.cups.submit({ queue: 'followme', user: `CORP\\${user.username}`, title: `together ${round}: ${user.username}` });
      const listed = await Promise.all([...users, ...users].map(async (user) => ({ user: user.username, titles: await titlesOf(user, 'together ') })));
      for (const { user, titles } of listed) expect(titles).toEqual(Array.from({ length: round }, (_, i) => `together ${i + 1}: ${user}`));
    }
  });

  test('with print-server credentials (my-jobs would mean that account) the user\'s jobs in every spelling come from the owner index', async () => {
    const ola = { id: 'u-ola', username: 'ola' };
    // The test cupsd's policy needs no authentication; the Basic credentials only make the adapter take its credentials path.
    const server = createIppPrintServer({ name: 'cups-test', url: rig.cups.url, username: 'kiosk-account', password: 'not-checked-here' });
    const target = { ...rig.target, server };
    const listTitles = async () => {
      const listed = await rig.heldJobs.list(ola, target);
      if (!listed.ok) throw new Error(listed.error.reason);
      return listed.value.filter((job) => job.title.startsWith('creds: ')).map((job) => job.title).sort();
    };
    await rig.cups.submit({ queue: 'followme', user: 'ola', title: 'creds: plain' });
    await rig.cups.submit({ queue: 'lobby', user: 'CORP\\OLA', title: 'creds: domain' });
    await rig.cups.submit({ queue: 'followme', user: 'kiosk-account', title: 'creds: the account' });
    await rig.cups.submit({ queue: 'annex', user: 'ola', title: 'creds: other printer' });
    expect(await listTitles()).toEqual(['creds: domain', 'creds: plain']);
    await rig.cups.submit({ queue: 'followme', user: 'ola@corp.example', title: 'creds: realm' });
    expect(await listTitles()).toEqual(['creds: domain', 'creds: plain', 'creds: realm']);
    // cupsd tries the Basic credentials with PAM on each request, and PAM delays every failure by about 2 s.
  }, 60_000);

  test('where CUPS hides other people\'s names (its default JobPrivateValues) and there are no credentials, the user\'s jobs under their own name are still listed', async () => {
    const hidden = await startTestCups({ privateJobValues: true });
    try {
      await hidden.addQueue('followme', 'socket://127.0.0.1:9', { held: true });
      const target = { ...rig.target, server: createIppPrintServer({ name: 'cups-private', url: hidden.url, timeoutMs: 5000 }) };
      const listTitles = async () => {
        const listed = await rig.heldJobs.list(ada, target);
        if (!listed.ok) throw new Error(listed.error.reason);
        return listed.value.map((job) => job.title).sort();
      };
      await hidden.submit({ queue: 'followme', user: 'ada', title: 'private: first' });
      await hidden.submit({ queue: 'followme', user: 'bob', title: 'private: bob' });
      expect(await listTitles()).toEqual(['private: first']);
      await hidden.submit({ queue: 'followme', user: 'ADA', title: 'private: second' });
      expect(await listTitles()).toEqual(['private: first', 'private: second']);
    } finally {
      await hidden.stop();
    }
  });

  test('purged job history that moves positions on the server does not hide a new job (few purged: the overlap; many: a full read)', async () => {
    const mei = { id: 'u-mei', username: 'mei' };
    // A held queue nobody prints from; its device is never opened.
    await rig.cups.addQueue('purged', 'socket://127.0.0.1:9', { held: true });
    for (const purged of [2, 40]) {
      for (let i = 0; i < purged; i++) await rig.cups.submit({ queue: 'purged', user: 'filler', title: `purge ${purged}: ${i}` });
      expect(await titlesOf(mei, `purge ${purged}: `)).toEqual([]);
      // cancel -a -x (Purge-Jobs) removes the jobs and their history: every later job moves up in CUPS's id-ordered list.
      await rig.cups.run('cancel', ['-a', '-x', 'purged']);
      await rig.cups.submit({ queue: 'followme', user: 'CORP\\mei', title: `purge ${purged}: mine` });
      expect(await titlesOf(mei, `purge ${purged}: `)).toEqual([`purge ${purged}: mine`]);
    }
    await rig.cups.run('lpadmin', ['-x', 'purged']);
  });
});

describe('release', () => {
  test('a follow-me job is moved to the kiosk\'s printer and printed there, and nowhere else; audited', async () => {
    const before = rig.printed();
    const lobbyJobs = rig.lobby.jobs().length;
    const id = await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'release: one', body: 'RELEASE-ONE-BYTES\n' });
    const result = await rig.heldJobs.release(ada, rig.target, { jobIds: [id] });
    expect(result).toEqual({ ok: true, value: [{ jobId: id, outcome: 'released' }] });
    await rig.lobby.waitForJobs(lobbyJobs + 1);
    expect(rig.lobby.receivedText()).toContain('RELEASE-ONE-BYTES');
    expect(rig.followMe.receivedText()).not.toContain('RELEASE-ONE-BYTES');
    expect(rig.annex.receivedText()).not.toContain('RELEASE-ONE-BYTES');
    expect(rig.printed().followme).toBe(before.followme);
    expect(rig.printed().annex).toBe(before.annex);
    const row = rig.audit.find((event) => event.kind === 'print.release' && event.details['jobId'] === id);
    expect(row).toMatchObject({
      outcome: 'success',
      username: 'ada',
      kioskId: 'kiosk-lobby',
      details: { server: 'cups-test', queue: 'followme', printer: 'lobby', title: 'release: one', result: 'released' },
    });
  });

  test('release all prints every one of the user\'s held jobs and nobody else\'s', async () => {
    const grace = { id: 'u-grace', username: 'grace' };
    const bobJob = await rig.cups.submit({ queue: 'followme', user: 'bob', title: 'all: bob', body: 'BOB-STAYS\n' });
    const ids = [
      await rig.cups.submit({ queue: 'followme', user: 'grace', title: 'all: 1', body: 'GRACE-ONE\n' }),
      await rig.cups.submit({ queue: 'lobby', user: 'grace', title: 'all: 2', body: 'GRACE-TWO\n' }),
      await rig.cups.submit({ queue: 'followme', user: 'GRACE', title: 'all: 3', body: 'GRACE-THREE\n' }),
    ];
    const lobbyJobs = rig.lobby.jobs().length;
    const result = await rig.heldJobs.release(grace, rig.target, { all: true });
    if (!result.ok) throw new Error(result.error.reason);
    expect(new Set(result.value.map((o) => o.jobId))).toEqual(new Set(ids));
    expect(result.value.every((o) => o.outcome === 'released')).toBe(true);
    await rig.lobby.waitForJobs(lobbyJobs + 3);
    for (const text of ['GRACE-ONE', 'GRACE-TWO', 'GRACE-THREE']) expect(rig.lobby.receivedText()).toContain(text);
    expect(rig.lobby.receivedText()).not.toContain('BOB-STAYS');
    expect((await rig.target.server.job(bobJob))?.state).toBe('pending-held');
    const after = await rig.heldJobs.list(grace, rig.target);
    expect(after).toEqual({ ok: true, value: [] });
  });
});

describe('delete', () => {
  test('delete cancels the job and never prints it', async () => {
    const before = rig.printed();
    const id = await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'delete: me', body: 'NEVER-PRINTED\n' });
    const result = await rig.heldJobs.delete(ada, rig.target, { jobIds: [id] });
    expect(result).toEqual({ ok: true, value: [{ jobId: id, outcome: 'deleted' }] });
    expect(await waitForJobState(rig, id, ['canceled'])).toBe('canceled');
    expect(rig.printed()).toEqual(before);
    expect(`${rig.lobby.receivedText()}${rig.followMe.receivedText()}${rig.annex.receivedText()}`).not.toContain('NEVER-PRINTED');
    expect(rig.audit.find((e) => e.kind === 'print.delete' && e.details['jobId'] === id)).toMatchObject({ outcome: 'success', details: { result: 'deleted' } });
  });
});

describe('refusals', () => {
  test('someone else\'s job id is refused exactly like an unknown one, and nothing prints', async () => {
    const before = rig.printed();
    const bobs = await rig.cups.submit({ queue: 'followme', user: 'bob', title: 'foreign', body: 'BOB-SECRET\n' });
    const unknown = 999_999;
    const release = await rig.heldJobs.release(ada, rig.target, { jobIds: [bobs, unknown] });
    const remove = await rig.heldJobs.delete(ada, rig.target, { jobIds: [bobs] });
    expect(release).toEqual({
      ok: true,
      value: [
        { jobId: bobs, outcome: 'refused', reason: 'unknown-job' },
        { jobId: unknown, outcome: 'refused', reason: 'unknown-job' },
      ],
    });
    expect(remove).toEqual({ ok: true, value: [{ jobId: bobs, outcome: 'refused', reason: 'unknown-job' }] });
    expect((await rig.target.server.job(bobs))).toMatchObject({ state: 'pending-held', queue: 'followme' });
    expect(rig.printed()).toEqual(before);
  });

  test('the user\'s own job held on a printer that is not this kiosk\'s is refused like an unknown one', async () => {
    const elsewhere = await rig.cups.submit({ queue: 'annex', user: 'ada', title: 'elsewhere' });
    const result = await rig.heldJobs.release(ada, rig.target, { jobIds: [elsewhere] });
    expect(result).toEqual({ ok: true, value: [{ jobId: elsewhere, outcome: 'refused', reason: 'unknown-job' }] });
    expect((await rig.target.server.job(elsewhere))?.state).toBe('pending-held');
  });

  test('a job cancelled behind the kiosk\'s back is reported already gone', async () => {
    const id = await rig.cups.submit({ queue: 'followme', user: 'ada', title: 'gone' });
    const listed = await rig.heldJobs.list(ada, rig.target);
    expect(listed.ok && listed.value.some((job) => job.id === id)).toBe(true);
    await rig.cups.run('cancel', [String(id)]);
    await waitForJobState(rig, id, ['canceled']);
    expect(await rig.heldJobs.release(ada, rig.target, { jobIds: [id] })).toEqual({ ok: true, value: [{ jobId: id, outcome: 'already-gone' }] });
    expect(await rig.heldJobs.delete(ada, rig.target, { jobIds: [id] })).toEqual({ ok: true, value: [{ jobId: id, outcome: 'already-gone' }] });
  });
});

describe('the printer and the server', () => {
  test('the release printer\'s state is told in words: ready, then stopped', async () => {
    expect(await rig.heldJobs.printer(rig.target)).toMatchObject({ ok: true, value: { kind: 'ready' } });
    await rig.cups.run('cupsdisable', ['annex']);
    const annexTarget: PrintTarget = { ...rig.target, releaseQueue: 'annex' };
    try {
      expect(await rig.heldJobs.printer(annexTarget)).toMatchObject({ ok: true, value: { kind: 'stopped', message: 'annex is stopped; your documents will wait until it is started again.' } });
    } finally {
      await rig.cups.run('cupsenable', ['annex']);
    }
  });

  test('CUPS-Get-Printers lists every queue', async () => {
    const names = (await rig.target.server.queues()).map((queue) => queue.queue).sort();
    expect(names).toEqual(['annex', 'followme', 'lobby']);
  });

  test('a server that is down makes every call answer "Printing is unavailable right now" with the reason', async () => {
    await rig.cups.pause();
    try {
      for (const result of [
        await rig.heldJobs.list(ada, rig.target),
        await rig.heldJobs.release(ada, rig.target, { all: true }),
        await rig.heldJobs.delete(ada, rig.target, { jobIds: [1] }),
        await rig.heldJobs.printer(rig.target),
      ]) {
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.error.message).toBe('Printing is unavailable right now.');
        expect(result.error.reason).toMatch(/^print server cups-test: .*ECONNREFUSED/);
      }
    } finally {
      await rig.cups.resume();
    }
    expect((await rig.heldJobs.list(ada, rig.target)).ok).toBe(true);
  });

  test('a server URL that is not ipp:// is refused by name', () => {
    expect(() => createIppPrintServer({ name: 'x', url: 'http://127.0.0.1:631' })).toThrow('Print server URL must start with ipp:// or ipps://, got http://');
  });
});
