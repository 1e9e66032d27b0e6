/// <reference path="./sealsystemsIpp.d.ts" />
import type { IppGroup } from '@sealsystems/ipp';
import { plainOwnerName } from '../core/index.js';

/**
 * Reads `Get-Jobs` with `which-jobs=all` on the whole server from a 1-based `first-index`, asking
 * at least for job-id, job-originating-user-name and job-state. CUPS answers `all` in job-id order
 * (its `not-completed` answer is in priority order, which is why the index never uses it). `tail`
 * says the read is the few newest jobs, where the caller can afford every attribute it lists, so
 * that a listing needs no second request for the jobs the index has just learned.
 */
export type OwnerReader = (firstIndex: number, tail: boolean) => Promise<readonly IppGroup[]>;

/** What one refresh read: the tail's groups as the reader answered them, or none after a full read. */
export type Refreshed = readonly IppGroup[];

const TERMINAL = new Set(['canceled', 'aborted', 'completed']);
// How far CUPS may have shifted positions (history purged from the front) between two reads and
// still be caught by the overlap check; beyond it the index is rebuilt.
const SLACK = 4;
// Jobs finished elsewhere stay in the index until a full read; one every few minutes bounds that.
const REBUILD_AFTER_MS = 5 * 60_000;

/**
 * Which jobs on one print server belong to whom, by plain owner name (jobOwnership.ts), in every
 * spelling (`DOMAIN\user`, `user@realm`, which CUPS's `my-jobs` cannot match): a listing fetches
 * the user's jobs by id instead of making cupsd walk every job. A job's owner never changes, so the index only has
 * to learn new jobs: each refresh reads the tail of the id-ordered job list from just before the
 * newest job it knows; when that job is not in the tail (purged history moved positions, or a
 * server that lost its spool), it reads everything again. Ids are candidates only: the caller
 * fetches them and drops the ones that are gone.
 */
export class OwnerIndex {
  private readonly byOwner = new Map<string, Set<number>>();
  private readonly ownerOf = new Map<number, string>();
  private lastId = 0;
  private lastPosition = 0;
  private builtAt = Number.NEGATIVE_INFINITY;
  private running: Promise<Refreshed> = Promise.resolve([]);
  private queued: Promise<Refreshed> | undefined;
  private hidden = false;

  /**
   * Learns the jobs created before this call; refreshes never overlap. A caller needs a read that
   * starts after it asked, so it waits for the running one and then joins the next, which every
   * caller arriving meanwhile shares (many kiosks listing at once cost two reads, not one each).
   */
  refresh(read: OwnerReader): Promise<Refreshed> {
    if (this.queued) return this.queued;
    const next = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.refreshNow(read);
      });
    this.queued = next;
    this.running = next;
    return next;
  }

  /** Ids of jobs not known to be finished whose owner is `username` in any spelling. */
  idsOf(username: string): readonly number[] {
    return [...(this.byOwner.get(plainOwnerName(username)) ?? [])];
  }

  forget(id: number): void {
    const owner = this.ownerOf.get(id);
    if (owner === undefined) return;
    this.ownerOf.delete(id);
    const ids = this.byOwner.get(owner);
    ids?.delete(id);
    if (ids?.size === 0) this.byOwner.delete(owner);
  }

  get size(): number {
    return this.ownerOf.size;
  }

  /**
   * True when the server answered jobs without their owner (CUPS's default `JobPrivateValues` for
   * a reader that is neither the owner nor an administrator): the index then misses those jobs.
   */
  get ownersHidden(): boolean {
    return this.hidden;
  }

  private async refreshNow(read: OwnerReader): Promise<Refreshed> {
    if (this.lastPosition > 0 && performance.now() - this.builtAt < REBUILD_AFTER_MS) {
      const from = Math.max(1, this.lastPosition - SLACK);
      const tail = await read(from, true);
      if (tail.some((group) => group['job-id'] === this.lastId)) {
        this.learn(tail, from);
        return tail;
      }
    }
    const all = await read(1, false);
    this.hidden = false;
    this.byOwner.clear();
    this.ownerOf.clear();
    this.lastId = 0;
    this.lastPosition = 0;
    this.learn(all, 1);
    this.builtAt = performance.now();
    return [];
  }

  private learn(groups: readonly IppGroup[], from: number): void {
    for (const group of groups) {
      const id = group['job-id'];
      if (typeof id !== 'number') continue;
      if (TERMINAL.has(String(group['job-state']))) {
        this.forget(id);
        continue;
      }
      if (this.ownerOf.has(id)) continue;
      const owner = plainOwnerName(String(group['job-originating-user-name'] ?? ''));
      if (owner.length === 0) {
        this.hidden = true;
        continue;
      }
      this.ownerOf.set(id, owner);
      const ids = this.byOwner.get(owner) ?? new Set<number>();
      ids.add(id);
      this.byOwner.set(owner, ids);
    }
    const last = groups.at(-1)?.['job-id'];
    if (typeof last === 'number') {
      this.lastId = last;
      this.lastPosition = from + groups.length - 1;
    }
  }
}

const indexes = new Map<string, OwnerIndex>();

/**
 * One index per print server (by the URL and the account it is read with), shared by every
 * adapter built for it: the kiosk and the central store build an adapter per call.
 */
export function ownerIndexFor(key: string): OwnerIndex {
  let index = indexes.get(key);
  if (!index) {
    index = new OwnerIndex();
    indexes.set(key, index);
  }
  return index;
}
