/**
 * Fan-out of kiosk revocations to this process's listeners (token cache, live channels).
 * `null` means "a revocation may have happened that this process cannot name" (another process
 * wrote to the same SQLite file): listeners drop everything they cached.
 */
export type RevocationListener = (kioskId: string | null) => void;

export class RevocationHub {
  private readonly listeners = new Set<RevocationListener>();
  private readonly waiting = new Map<string, Array<() => void>>();
  /** Revocations heard lately, so a wait that starts after the news arrived ends at once. */
  private readonly recent = new Set<string>();

  subscribe(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(kioskId: string | null): void {
    for (const listener of [...this.listeners]) listener(kioskId);
    if (kioskId === null) return;
    this.recent.add(kioskId);
    if (this.recent.size > 1_000) this.recent.delete(this.recent.values().next().value!);
    for (const resolve of this.waiting.get(kioskId) ?? []) resolve();
    this.waiting.delete(kioskId);
  }

  /** Resolves when this process has heard of the revocation of `kioskId` (or after `timeoutMs`). */
  heard(kioskId: string, timeoutMs: number): Promise<void> {
    if (this.recent.has(kioskId)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      const list = this.waiting.get(kioskId) ?? [];
      list.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.waiting.set(kioskId, list);
    });
  }
}
