import type { Clock } from '../ports.js';
import type { PrintJob } from './heldJob.js';
import type { PrintTarget } from './printServer.js';

/** How long a listing vouches for the jobs in it (issue 12, the release goal). */
export const LISTING_VOUCHES_MS = 60_000;

interface Listing {
  readonly at: number;
  readonly jobs: Map<number, PrintJob>;
}

/**
 * The user's held jobs as a listing at this kiosk found them moments ago, so that releasing one
 * of them needs no Get-Job-Attributes first. Sound because the listing came from the print server
 * itself: a job's owner never changes, and the server numbers its jobs once (its id never names
 * another job). The job's hold is not vouched for: Release-Job of a job that is no longer held
 * fails on the server, and the caller then asks what became of it. Only jobs already on the
 * release printer are vouched for: CUPS-Move-Job moves a job whether held or not, so a follow-me
 * job released meanwhile at another kiosk would be taken away from that kiosk's printer.
 */
export class RecentListings {
  private readonly listings = new Map<string, Listing>();

  constructor(
    private readonly clock: Clock,
    private readonly vouchesMs = LISTING_VOUCHES_MS,
  ) {}

  /** What `list` answered this user at this kiosk (only the user's held jobs on the target's queues). */
  remember(kioskId: string | null, userId: string, target: PrintTarget, jobs: readonly PrintJob[]): void {
    const at = this.clock.now();
    // Bounded by the listings of the last minute: older ones go whenever a new one comes.
    for (const [key, listing] of this.listings) if (at - listing.at >= this.vouchesMs) this.listings.delete(key);
    this.listings.set(keyOf(kioskId, userId, target), { at, jobs: new Map(jobs.map((job) => [job.id, job])) });
  }

  /** The job as listed, when a young enough listing holds it on the release printer; else undefined (ask the server). */
  releasable(kioskId: string | null, userId: string, target: PrintTarget, jobId: number): PrintJob | undefined {
    const listing = this.listings.get(keyOf(kioskId, userId, target));
    if (!listing || this.clock.now() - listing.at >= this.vouchesMs) return undefined;
    const job = listing.jobs.get(jobId);
    return job?.queue === target.releaseQueue ? job : undefined;
  }

  /** Acted on (or found gone): the next action on it asks the server again. */
  forget(kioskId: string | null, userId: string, target: PrintTarget, jobId: number): void {
    this.listings.get(keyOf(kioskId, userId, target))?.jobs.delete(jobId);
  }
}

// The server's origin is in the key: job ids are numbered per server, and a server removed and
// added again under the same name may be another one.
const keyOf = (kioskId: string | null, userId: string, target: PrintTarget) =>
  JSON.stringify([kioskId, userId, target.server.name, target.server.origin, target.releaseQueue, target.followMeQueues]);
