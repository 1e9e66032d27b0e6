import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { PIPELINE_STEPS, findStep, type StepApply } from './pipelineSteps.js';

/**
 * A card-number pipeline: steps separated by `|`, e.g. `reverse-bytes|hex2dec|pad:10`
 * (readers.md §3.5). A `|` inside parentheses or brackets belongs to a regex step, so
 * `regex:^(?:A|B)(\d+)|pad:8` is two steps. Pure: the renderer previews pipelines with it.
 */
export interface PipelineStep {
  /** The step as written, e.g. `pad:10`. */
  readonly text: string;
  readonly name: string;
  readonly apply: StepApply;
}

export interface Pipeline {
  readonly text: string;
  readonly steps: readonly PipelineStep[];
}

/** Why a step was refused or failed; `step` is 1-based, as technicians count. */
export interface PipelineError {
  readonly step: number;
  readonly stepText: string;
  readonly reason: string;
  readonly message: string;
}

export const MAX_PIPELINE_STEPS = 16;
export const MAX_PIPELINE_INPUT = 1024;

function pipelineError(step: number, stepText: string, reason: string): PipelineError {
  return { step, stepText, reason, message: `step ${step} (${stepText}): ${reason}` };
}

/** Splits on top-level `|`, honouring `\` escapes, `(...)` groups and `[...]` classes of regex steps. */
export function splitPipeline(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      current += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '|' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts.map((part) => part.trim());
}

/** Checks every step at configuration time; a refusal names the step and the reason. */
export function compilePipeline(text: string): Result<Pipeline, PipelineError> {
  if (text.trim() === '') return ok({ text: '', steps: [] });
  const parts = splitPipeline(text);
  if (parts.length > MAX_PIPELINE_STEPS) {
    return err(pipelineError(MAX_PIPELINE_STEPS + 1, parts[MAX_PIPELINE_STEPS]!, `a pipeline has at most ${MAX_PIPELINE_STEPS} steps`));
  }
  const steps: PipelineStep[] = [];
  for (const [index, part] of parts.entries()) {
    const colon = part.indexOf(':');
    const name = colon < 0 ? part : part.slice(0, colon);
    const arg = colon < 0 ? undefined : part.slice(colon + 1);
    if (name === '') return err(pipelineError(index + 1, part, 'empty step (two | in a row?)'));
    const definition = findStep(name);
    if (!definition) {
      return err(pipelineError(index + 1, part, `unknown step "${name}"; steps are ${PIPELINE_STEPS.map((s) => s.name).join(', ')}`));
    }
    const compiled = definition.compile(arg);
    if (!compiled.ok) return err(pipelineError(index + 1, part, compiled.error));
    steps.push({ text: part, name, apply: compiled.value });
  }
  return ok({ text: steps.map((s) => s.text).join('|'), steps });
}

/** Runs a compiled pipeline; a failure names the step, its input and why. */
export function runPipeline(pipeline: Pipeline, input: string): Result<string, PipelineError> {
  if (input.length > MAX_PIPELINE_INPUT) {
    return err(pipelineError(0, 'input', `value longer than ${MAX_PIPELINE_INPUT} characters`));
  }
  let value = input;
  for (const [index, step] of pipeline.steps.entries()) {
    const result = step.apply(value);
    if (!result.ok) return err(pipelineError(index + 1, step.text, result.error));
    value = result.value;
  }
  if (value === '') return err(pipelineError(pipeline.steps.length, pipeline.steps.at(-1)?.text ?? 'input', 'result is empty'));
  return ok(value);
}

/** Compile and run in one call, for one-off conversions (CLI, previews). */
export function convertWithPipeline(text: string, input: string): Result<string, PipelineError> {
  const compiled = compilePipeline(text);
  return compiled.ok ? runPipeline(compiled.value, input) : compiled;
}
