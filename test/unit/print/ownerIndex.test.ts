import { OwnerIndex, type OwnerReader } from '../../../src/print/ippOwnerIndex.js';

/**
 * The owner index's bookkeeping. The reader here is a scripted stand-in for CUPS, named as such:
 * the order in which two refreshes and a read interleave cannot be forced on a real cupsd (the
 * listing rules themselves are tested on one, test/integration/print/heldJobs.test.ts).
 */
interface Job {
  readonly id: number;
  readonly owner: string;
  readonly state?: string;
}

function scriptedCups(jobs: Job[]) {
  const reads: number[] = [];
  const tails: boolean[] = [];
  const gates: Array<() => void> = [];
  let held = false;
  const reader: OwnerReader = async (firstIndex, tail) => {
    reads.push(firstIndex);
    tails.push(tail);
    if (held) await new Promise<void>((resolve) => gates.push(resolve));
    // Like CUPS for which-jobs=all: id order, from the 1-based position.
    return [...jobs]
      .sort((a, b) => a.id - b.id)
      .slice(firstIndex - 1)
      .map((job) => ({ 'job-id': job.id, ...(job.owner ? { 'job-originating-user-name': job.owner } : {}), 'job-state': job.state ?? 'pending-held' }));
  };
  return {
    reader,
    reads,
    tails,
    hold: () => (held = true),
    releaseAll: () => {
      held = false;
      for (const open of gates.splice(0)) open();
    },
    releaseOne: () => gates.shift()?.(),
    pending: () => gates.length,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('OwnerIndex', () => {
  it('knows every spelling of a user by the plain name, and forgets finished jobs', async () => {
    const cups = scriptedCups([
      { id: 1, owner: 'ada' },
      { id: 2, owner: 'CORP\\Ada' },
      { id: 3, owner: 'ada@corp.example' },
      { id: 4, owner: 'adam' },
      { id: 5, owner: 'ada', state: 'completed' },
    ]);
    const index = new OwnerIndex();
    await index.refresh(cups.reader);
    expect([...index.idsOf('ADA')].sort()).toEqual([1, 2, 3]);
    index.forget(2);
    expect([...index.idsOf('ada')].sort()).toEqual([1, 3]);
  });

  it('learns new jobs from the tail of the list, and reads everything again when the newest known job is not in it', async () => {
    const jobs: Job[] = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, owner: `user${i + 1}` }));
    const cups = scriptedCups(jobs);
    const index = new OwnerIndex();
    await index.refresh(cups.reader);
    jobs.push({ id: 11, owner: 'CORP\\mei' });
    await index.refresh(cups.reader);
    expect(cups.reads).toEqual([1, 6]);
    expect(index.idsOf('mei')).toEqual([11]);
    // History purged from the front: positions move by more than the overlap.
    jobs.splice(0, 8);
    jobs.push({ id: 12, owner: 'mei@corp.example' });
    await index.refresh(cups.reader);
    expect(cups.reads).toEqual([1, 6, 7, 1]);
    expect([...index.idsOf('mei')].sort((a, b) => a - b)).toEqual([11, 12]);
    expect(index.idsOf('user1')).toEqual([]);
  });

  it('hands the caller what a tail read answered (the listing takes the new jobs from it) and nothing after a full read', async () => {
    const jobs: Job[] = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, owner: `user${i + 1}` }));
    const cups = scriptedCups(jobs);
    const index = new OwnerIndex();
    expect(await index.refresh(cups.reader)).toEqual([]);
    jobs.push({ id: 11, owner: 'CORP\\mei' });
    const tail = await index.refresh(cups.reader);
    expect(cups.tails).toEqual([false, true]);
    expect(tail.map((group) => group['job-id'])).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it('says when the server hid owners (CUPS\'s default JobPrivateValues)', async () => {
    const jobs: Job[] = [{ id: 1, owner: 'ada' }, { id: 2, owner: '' }];
    const cups = scriptedCups(jobs);
    const index = new OwnerIndex();
    await index.refresh(cups.reader);
    expect(index.ownersHidden).toBe(true);
    expect(index.idsOf('ada')).toEqual([1]);
  });

  it('a refresh asked for while one runs waits for a read that starts after it; everyone asking meanwhile shares that read', async () => {
    const jobs: Job[] = [{ id: 1, owner: 'ada' }];
    const cups = scriptedCups(jobs);
    const index = new OwnerIndex();
    cups.hold();
    const first = index.refresh(cups.reader);
    await settle();
    expect(cups.pending()).toBe(1);
    // Submitted while the first read is under way: the first read may or may not have seen it.
    jobs.push({ id: 2, owner: 'CORP\\bea' });
    let secondDone = false;
    const second = index.refresh(cups.reader).then(() => (secondDone = true));
    const third = index.refresh(cups.reader);
    cups.releaseOne();
    await first;
    await settle();
    expect(secondDone).toBe(false);
    expect(cups.reads).toHaveLength(2);
    cups.releaseAll();
    await Promise.all([second, third]);
    expect(cups.reads).toHaveLength(2);
    expect(index.idsOf('bea')).toEqual([2]);
  });
});
