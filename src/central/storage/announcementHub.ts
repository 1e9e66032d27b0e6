import type { AnnouncementListener } from './centralStorage.js';

/** Fan-out of new-sequence announcements to this process's listeners (live channels, caches). */
export class AnnouncementHub {
  private readonly listeners = new Set<AnnouncementListener>();
  private latest = 0;

  subscribe(listener: AnnouncementListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ignores sequences at or below one already announced (a notification can arrive twice after a reconnect). */
  announce(seq: number): void {
    if (!Number.isSafeInteger(seq) || seq <= this.latest) return;
    this.latest = seq;
    for (const listener of [...this.listeners]) listener(seq);
  }
}
