/** Shared by every bench module: one JSON object per line on stdout (DESIGN §7). */
export function emit(line: { readonly bench: string } & Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(line) + '\n');
}

/** Nearest-rank percentile of already sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface TimingSummary {
  readonly medianUs: number;
  readonly p99Us: number;
  readonly samples: number;
}

/** Microseconds, rounded to 0.01 so the lines stay readable. */
export function summarize(samplesNs: readonly number[]): TimingSummary {
  const sorted = [...samplesNs].sort((a, b) => a - b);
  const us = (ns: number) => Math.round(ns / 10) / 100;
  return { medianUs: us(percentile(sorted, 50)), p99Us: us(percentile(sorted, 99)), samples: sorted.length };
}

export function ratio(subject: number, baseline: number): number {
  return Math.round((subject / baseline) * 1000) / 1000;
}

/** Times one call in nanoseconds. */
export function timeSync(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start);
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start);
}

/** A measured path beside its raw-library baseline, compared by median. */
export function compare(subjectNs: readonly number[], baselineNs: readonly number[]): { subject: TimingSummary; baseline: TimingSummary; ratio: number } {
  const subject = summarize(subjectNs);
  const baseline = summarize(baselineNs);
  return { subject, baseline, ratio: ratio(subject.medianUs, baseline.medianUs) };
}
