import { allConfigKeys } from '../core/index.js';

/** Edits (insert, delete, replace one character) that turn a into b. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The registry key a misspelled name most likely meant: the closest within a few typing slips
 * (a third of the name, at most 4), or a key that ends with what was typed (`min-length` →
 * `pin.min-length`, when only one does). Null when nothing is close.
 */
export function closestConfigKey(name: string): string | null {
  const names = allConfigKeys().map((key) => key.name);
  const lower = name.toLowerCase();
  const suffix = names.filter((candidate) => candidate.endsWith(`.${lower}`));
  if (suffix.length === 1) return suffix[0]!;
  const limit = Math.min(4, Math.max(1, Math.floor(lower.length / 3)));
  let best: { name: string; distance: number } | null = null;
  for (const candidate of names) {
    const distance = editDistance(lower, candidate);
    if (distance <= limit && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name ?? null;
}
