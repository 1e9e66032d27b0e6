/**
 * Refuses regular expressions that can backtrack catastrophically (ReDoS) before a pipeline is
 * accepted: a configured pattern runs on every swipe, so one bad pattern must not hang the kiosk.
 * Conservative on purpose: a refused pattern can always be rewritten without nesting.
 */
export const MAX_REGEX_LENGTH = 200;

interface GroupState {
  repeats: boolean;
  alternates: boolean;
}

/** Length of a repeating quantifier starting at pattern[i] (`*`, `+`, `{n,}`, `{n,m}` with m > 1), else 0. */
function repeatingQuantifierAt(pattern: string, i: number): number {
  const c = pattern[i];
  if (c === '*' || c === '+') return 1;
  if (c !== '{') return 0;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!match) return 0;
  const upper = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
  return upper > 1 ? match[0].length : 0;
}

/** undefined when the pattern is acceptable, else the reason it is refused. */
export function checkRegexSafety(pattern: string): string | undefined {
  if (pattern.length > MAX_REGEX_LENGTH) return `regex longer than ${MAX_REGEX_LENGTH} characters`;
  const stack: GroupState[] = [{ repeats: false, alternates: false }];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const top = stack[stack.length - 1]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'regex back-references are not allowed';
      i++;
      continue;
    }
    if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      continue;
    }
    if (c === '(') {
      stack.push({ repeats: false, alternates: false });
      continue;
    }
    if (c === ')') {
      if (stack.length === 1) continue; // unbalanced: RegExp itself reports it
      const group = stack.pop()!;
      const quantifier = repeatingQuantifierAt(pattern, i + 1);
      if (quantifier > 0 && (group.repeats || group.alternates)) {
        return 'regex repeats a group that itself repeats or alternates (catastrophic backtracking); rewrite it without nesting';
      }
      const parent = stack[stack.length - 1]!;
      parent.repeats ||= group.repeats || quantifier > 0;
      i += quantifier;
      continue;
    }
    if (c === '|') top.alternates = true;
    const quantifier = repeatingQuantifierAt(pattern, i);
    if (quantifier > 0) {
      top.repeats = true;
      i += quantifier - 1;
    }
  }
  return undefined;
}
