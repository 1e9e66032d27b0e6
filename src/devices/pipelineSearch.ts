import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { compilePipeline, runPipeline, type Pipeline } from './pipeline.js';
import { WIEGAND_FORMATS, WIEGAND_FORMAT_NAMES } from './wiegandFormats.js';

/**
 * "Learn from samples" (issue 6): given 2–3 records a reader sent and the Card/ID number each
 * should become, search the pipeline space (normalising, byte windows, byte order, hex/decimal,
 * Wiegand formats and fields, trimming, padding) for every pipeline that maps all samples,
 * simplest first. Pure and bounded: the renderer may run it too.
 */
export interface PipelineSample {
  readonly raw: string;
  readonly expected: string;
}

export interface PipelineProposal {
  readonly pipeline: string;
  readonly steps: number;
}

export interface PipelineSearchResult {
  /** Distinct pipelines mapping every sample, simplest first (spellings that act the same on cards shaped like the samples are listed once). */
  readonly proposals: readonly PipelineProposal[];
  /**
   * Proposals disagree on other cards shaped like the samples (or the search hit its bound):
   * the samples do not determine the pipeline; swipe another, different card.
   */
  readonly ambiguous: boolean;
  /** Candidate pipelines tried; never more than the limit. */
  readonly examined: number;
}

export const PIPELINE_SEARCH_LIMIT = 20_000;
export const MAX_PROPOSALS = 12;
const PROBES = 32;

const HEX = /^[0-9A-Fa-f]+$/;
const DEC = /^[0-9]+$/;

/** One stage of the search: the steps it may add, given the values (one per sample) at that point. */
type Stage = (values: readonly string[], expected: readonly string[]) => string[];

const sameLength = (values: readonly string[]) => (values.every((v) => v.length === values[0]!.length) ? values[0]!.length : undefined);

const STAGES: readonly Stage[] = [
  // Normalise what the reader sent.
  (values) => {
    const steps: string[] = [];
    if (values.every((v) => /^[0-9A-Fa-f\s:.-]+$/.test(v)) && values.some((v) => !/^[0-9A-F]+$/.test(v))) steps.push('hex');
    if (values.every((v) => HEX.test(v) && v.length % 2 === 0)) steps.push('ascii-hex');
    if (values.some((v) => !DEC.test(v)) && values.every((v) => /\d/.test(v))) steps.push('regex:(\\d+)');
    if (values.some((v) => !HEX.test(v)) && values.every((v) => /[0-9A-Fa-f]/.test(v))) steps.push('regex:([0-9A-Fa-f]+)');
    return steps;
  },
  // A window of characters (the ID bytes inside a longer record); whole bytes of hex records.
  (values) => {
    const length = Math.min(...values.map((v) => v.length));
    const unit = values.every((v) => HEX.test(v)) && values.some((v) => /[A-Fa-f]/.test(v)) ? 2 : 1;
    const steps: string[] = [];
    for (let start = 0; start < length; start += unit) {
      for (let size = unit; start + size <= length; size += unit) {
        if (start === 0 && size === length) continue;
        steps.push(start + size === length && sameLength(values) !== undefined ? `substr:${start}` : `substr:${start}:${size}`);
      }
    }
    return steps;
  },
  // Byte order.
  (values) => (values.every((v) => HEX.test(v) && v.length % 2 === 0 && v.length > 2) ? ['reverse-bytes'] : []),
  // Number base, or a Wiegand decode.
  (values) => {
    const steps: string[] = [];
    if (values.every((v) => HEX.test(v))) {
      steps.push('hex2dec');
      for (const format of WIEGAND_FORMAT_NAMES) {
        steps.push(`wiegand:${format}:card`);
        // Without a facility the bare step is the card field again: one spelling is enough.
        if (WIEGAND_FORMATS[format].facility) steps.push(`wiegand:${format}:facility`, `wiegand:${format}`);
      }
    }
    if (values.every((v) => DEC.test(v))) steps.push('dec2hex');
    return steps;
  },
  // Trim the result to the expected length, or drop leading zeros.
  (values, expected) => {
    const steps: string[] = [];
    const target = sameLength(expected);
    if (target !== undefined && values.some((v) => v.length > target)) steps.push(`substr:-${target}`, `substr:0:${target}`);
    if (values.some((v) => /^0./.test(v))) steps.push('strip-leading-zeros');
    return steps;
  },
  // Pad to the expected width.
  (values, expected) => {
    const target = sameLength(expected);
    return target !== undefined && target <= 64 && values.some((v) => v.length < target) ? [`pad:${target}`] : [];
  },
];

/** How simple a pipeline reads: fewer steps first, then lighter steps, then shorter text. */
function complexity(steps: readonly string[]): [number, number, number] {
  const weight = (step: string) => (step.startsWith('regex') ? 3 : step.startsWith('substr') || step.startsWith('wiegand') ? 2 : 1);
  return [steps.length, steps.reduce((sum, s) => sum + weight(s), 0), steps.join('|').length];
}

function compareComplexity(a: readonly string[], b: readonly string[]): number {
  const [x, y] = [complexity(a), complexity(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || (a.join('|') < b.join('|') ? -1 : 1);
}

/** A deterministic PRNG (mulberry32), so the same samples always give the same answer. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Other records shaped like the samples: same length, digits stay digits, hex stays hex (same case), the rest kept. */
function probesLike(samples: readonly PipelineSample[]): string[] {
  const next = random(samples.reduce((h, s) => Math.imul(h ^ s.raw.length, 31) + s.raw.charCodeAt(0), 17));
  const pick = (alphabet: string) => alphabet[Math.floor(next() * alphabet.length)]!;
  const probes: string[] = [];
  for (let i = 0; i < PROBES; i++) {
    const { raw } = samples[i % samples.length]!;
    const hex = !DEC.test(raw) && /^[0-9A-Fa-f\s:.-]*$/.test(raw) ? raw : undefined;
    const alphabetFor = (c: string) =>
      /[0-9]/.test(c) && !hex ? '0123456789'
        : /[0-9A-F]/.test(c) && hex ? '0123456789ABCDEF'
          : /[0-9a-f]/.test(c) && hex ? '0123456789abcdef'
            : undefined;
    probes.push(Array.from(raw, (c) => {
      const alphabet = alphabetFor(c);
      return alphabet ? pick(alphabet) : c;
    }).join(''));
  }
  return probes;
}

function checkSamples(samples: readonly PipelineSample[]): string | undefined {
  if (samples.length < 1 || samples.length > 5) return 'give 1 to 5 samples (2–3 different cards work best)';
  for (const [i, { raw, expected }] of samples.entries()) {
    if (typeof raw !== 'string' || raw.length < 1 || raw.length > 256) return `sample ${i + 1}: the record must be 1 to 256 characters`;
    if (typeof expected !== 'string' || !/^[\x21-\x7e]{1,64}$/.test(expected)) return `sample ${i + 1}: the expected number must be 1 to 64 visible characters`;
  }
  const raws = new Set(samples.map((s) => s.raw));
  if (raws.size < samples.length) {
    const expectations = new Map<string, string>();
    for (const { raw, expected } of samples) {
      if (expectations.has(raw) && expectations.get(raw) !== expected) return `the same record ${JSON.stringify(raw)} cannot give two different numbers`;
      expectations.set(raw, expected);
    }
  }
  return undefined;
}

/** Searches the pipeline space for pipelines mapping every sample's record to its expected number. */
export function searchPipelines(samples: readonly PipelineSample[], limit = PIPELINE_SEARCH_LIMIT): Result<PipelineSearchResult, string> {
  const problem = checkSamples(samples);
  if (problem) return err(problem);
  const expected = samples.map((s) => s.expected);
  const matches: string[][] = [];
  let examined = 0;
  let truncated = false;

  const compiledSteps = new Map<string, Pipeline | undefined>();
  const apply = (step: string, values: readonly string[]): string[] | undefined => {
    if (!compiledSteps.has(step)) {
      const compiled = compilePipeline(step);
      compiledSteps.set(step, compiled.ok ? compiled.value : undefined);
    }
    const pipeline = compiledSteps.get(step);
    if (!pipeline) return undefined;
    const out: string[] = [];
    for (const value of values) {
      const result = runPipeline(pipeline, value);
      if (!result.ok) return undefined;
      out.push(result.value);
    }
    return out;
  };

  // Depth-first over stages in order; every node is a distinct candidate pipeline.
  const visit = (steps: string[], values: readonly string[], nextStage: number): void => {
    if (examined >= limit) {
      truncated = true;
      return;
    }
    examined++;
    if (values.every((v, i) => v === expected[i])) matches.push(steps);
    for (let stage = nextStage; stage < STAGES.length && !truncated; stage++) {
      for (const step of STAGES[stage]!(values, expected)) {
        if (truncated) break;
        const next = apply(step, values);
        if (next) visit([...steps, step], next, stage + 1);
      }
    }
  };
  visit([], samples.map((s) => s.raw), 0);

  const probes = probesLike(samples);
  const signature = (pipeline: Pipeline) => probes.map((p) => {
    const result = runPipeline(pipeline, p);
    return result.ok ? result.value : null;
  });
  const kept: { steps: string[]; outputs: (string | null)[] }[] = [];
  for (const steps of matches.sort(compareComplexity)) {
    const compiled = compilePipeline(steps.join('|'));
    if (!compiled.ok) continue;
    const outputs = signature(compiled.value);
    if (kept.some((k) => k.outputs.every((o, i) => o === outputs[i]))) continue; // the same pipeline in other words
    kept.push({ steps, outputs });
  }
  const disagree = (a: (string | null)[], b: (string | null)[]) => a.some((o, i) => o !== null && b[i] !== null && o !== b[i]);
  const ambiguous = truncated || kept.some((a, i) => kept.slice(i + 1).some((b) => disagree(a.outputs, b.outputs)));
  return ok({
    proposals: kept.slice(0, MAX_PROPOSALS).map((k) => ({ pipeline: k.steps.join('|'), steps: k.steps.length })),
    ambiguous,
    examined,
  });
}
