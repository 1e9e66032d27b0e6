import { compilePipeline, runPipeline, splitPipeline, type PipelineError } from '../../../src/devices/pipeline.js';
import {
  WIEGAND_FORMATS as FORMAT_TABLE, WIEGAND_FORMAT_NAMES, isWiegandFormatName, type WiegandFormatName,
} from '../../../src/devices/wiegandFormats.js';

/** One step of a pipeline as the editor holds it: the step name and its argument text. */
export interface DraftStep {
  readonly name: string;
  readonly arg: string | null;
}

export function parseDraft(text: string): DraftStep[] {
  if (text.trim() === '') return [];
  return splitPipeline(text).map((part) => {
    const colon = part.indexOf(':');
    return colon < 0 ? { name: part, arg: null } : { name: part.slice(0, colon), arg: part.slice(colon + 1) };
  });
}

export function draftText(steps: readonly DraftStep[]): string {
  return steps.map((s) => (s.arg === null ? s.name : `${s.name}:${s.arg}`)).join('|');
}

/** Steps the editor offers, each with the argument a new one starts with. */
export const STEP_CHOICES: readonly DraftStep[] = [
  { name: 'hex', arg: null },
  { name: 'reverse-bytes', arg: null },
  { name: 'hex2dec', arg: null },
  { name: 'dec2hex', arg: null },
  { name: 'ascii-hex', arg: null },
  { name: 'strip-leading-zeros', arg: null },
  { name: 'pad', arg: '10' },
  { name: 'substr', arg: '0' },
  { name: 'wiegand', arg: 'h10301:card' },
];

export const WIEGAND_FORMATS: readonly WiegandFormatName[] = WIEGAND_FORMAT_NAMES;

export function moveStep(steps: readonly DraftStep[], index: number, by: -1 | 1): DraftStep[] {
  const target = index + by;
  if (target < 0 || target >= steps.length) return [...steps];
  const next = [...steps];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function replaceStep(steps: readonly DraftStep[], index: number, step: DraftStep): DraftStep[] {
  return steps.map((s, i) => (i === index ? step : s));
}

export function removeStep(steps: readonly DraftStep[], index: number): DraftStep[] {
  return steps.filter((_, i) => i !== index);
}

/** pad:<width> */
export function padWidth(step: DraftStep): number {
  const n = Number(step.arg);
  return Number.isInteger(n) ? n : 10;
}

/** substr:<start>[:<length>] */
export function substrParts(step: DraftStep): { start: number; length: number | null } {
  const [start, length] = (step.arg ?? '0').split(':');
  const s = Number(start);
  const l = length === undefined ? null : Number(length);
  return { start: Number.isInteger(s) ? s : 0, length: l !== null && Number.isInteger(l) ? l : null };
}

export function substrArg(start: number, length: number | null): string {
  return length === null ? String(start) : `${start}:${length}`;
}

export type WiegandChoice = 'both' | 'facility' | 'card';

/** The field choices of a format: one without a facility code (h10302) offers only its card number. */
export function wiegandFieldChoices(format: string): readonly WiegandChoice[] {
  return isWiegandFormatName(format) && !FORMAT_TABLE[format].facility ? ['card'] : ['card', 'facility', 'both'];
}

/** wiegand:<format>[:facility|card] */
export function wiegandParts(step: DraftStep): { format: string; field: WiegandChoice } {
  const [format = '', field] = (step.arg ?? '').split(':');
  const choices = wiegandFieldChoices(format);
  const chosen = field === 'facility' || field === 'card' ? field : 'both';
  return { format, field: choices.includes(chosen) ? chosen : choices[0]! };
}

/** A field the format lacks becomes its card number, so switching format never writes a refused step. */
export function wiegandArg(format: string, field: WiegandChoice): string {
  const chosen = wiegandFieldChoices(format).includes(field) ? field : 'card';
  return chosen === 'both' ? format : `${format}:${chosen}`;
}

export type Preview = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: PipelineError };

/**
 * The draft checked as the reader would run it: a refusal names the step (1-based) and why, and
 * every sample is converted again, so each edit shows at once what it does to real reads.
 */
export function previewDraft(steps: readonly DraftStep[], samples: readonly string[]): { error: PipelineError | null; results: Preview[] } {
  const compiled = compilePipeline(draftText(steps));
  if (!compiled.ok) return { error: compiled.error, results: [] };
  return { error: null, results: samples.map((raw) => runPipeline(compiled.value, raw)) };
}
