import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { checkRegexSafety } from './pipelineRegexSafety.js';
import {
  WIEGAND_FORMATS, WIEGAND_FORMAT_NAMES, decodeWiegand, isWiegandFormatName, wiegandBitsFromHex,
  wiegandFields, type WiegandField,
} from './wiegandFormats.js';

/**
 * The conversion steps of a card-number pipeline (readers.md §3.5). Each step is data: a name and
 * an argument parsed here, never code. Pure, so the renderer's editor can preview conversions.
 */
export type StepApply = (input: string) => Result<string, string>;

export interface StepDefinition {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Parses the text after `name:` (undefined when there is none) into the step's function. */
  readonly compile: (arg: string | undefined) => Result<StepApply, string>;
}

const HEX = /^[0-9A-Fa-f]+$/;
const DEC = /^[0-9]+$/;
const INTEGER = /^-?[0-9]{1,6}$/;

const noArg = (name: string, apply: StepApply) => (arg: string | undefined): Result<StepApply, string> =>
  arg === undefined ? ok(apply) : err(`${name} takes no argument`);

const needHex = (input: string): string | undefined =>
  HEX.test(input) ? undefined : `expected hexadecimal digits, got ${JSON.stringify(input)}`;

function hexNormalise(input: string): Result<string, string> {
  const compact = input.replace(/[\s:.-]/g, '');
  const problem = needHex(compact);
  return problem ? err(problem) : ok(compact.toUpperCase());
}

function reverseBytes(input: string): Result<string, string> {
  const problem = needHex(input);
  if (problem) return err(problem);
  if (input.length % 2 !== 0) return err(`reverse-bytes needs whole bytes (an even number of hex digits), got ${input.length}`);
  const pairs = input.toUpperCase().match(/../g) ?? [];
  return ok(pairs.reverse().join(''));
}

function hex2dec(input: string): Result<string, string> {
  const problem = needHex(input);
  return problem ? err(problem) : ok(BigInt('0x' + input).toString(10));
}

function dec2hex(input: string): Result<string, string> {
  if (!DEC.test(input)) return err(`expected decimal digits, got ${JSON.stringify(input)}`);
  const hex = BigInt(input).toString(16).toUpperCase();
  return ok(hex.length % 2 === 0 ? hex : '0' + hex);
}

function asciiHex(input: string): Result<string, string> {
  const problem = needHex(input);
  if (problem) return err(problem);
  if (input.length % 2 !== 0) return err('ascii-hex needs whole bytes (an even number of hex digits)');
  let text = '';
  for (let i = 0; i < input.length; i += 2) {
    const code = parseInt(input.slice(i, i + 2), 16);
    if (code < 0x20 || code > 0x7e) return err(`byte ${input.slice(i, i + 2)} is not printable ASCII`);
    text += String.fromCharCode(code);
  }
  return ok(text);
}

function stripLeadingZeros(input: string): Result<string, string> {
  return ok(input.replace(/^0+(?=.)/, ''));
}

function compilePad(arg: string | undefined): Result<StepApply, string> {
  if (arg === undefined || !/^[0-9]{1,2}$/.test(arg) || Number(arg) < 1 || Number(arg) > 64) {
    return err('pad needs a width from 1 to 64, e.g. pad:10');
  }
  const width = Number(arg);
  // Longer values are kept whole: truncating would silently change the card number.
  return ok((input) => ok(input.padStart(width, '0')));
}

function compileSubstr(arg: string | undefined): Result<StepApply, string> {
  const parts = arg === undefined ? [] : arg.split(':');
  const [startText, lengthText] = parts;
  if (parts.length < 1 || parts.length > 2 || !INTEGER.test(startText ?? '') || (lengthText !== undefined && !/^[0-9]{1,6}$/.test(lengthText))) {
    return err('substr needs a start and an optional length, e.g. substr:2 or substr:-8 or substr:0:6');
  }
  const start = Number(startText);
  const length = lengthText === undefined ? undefined : Number(lengthText);
  if (length === 0) return err('substr length must be at least 1');
  return ok((input) => {
    const from = start < 0 ? input.length + start : start;
    if (from < 0 || from >= input.length) return err(`input ${JSON.stringify(input)} has no character at position ${start}`);
    if (length !== undefined && from + length > input.length) {
      return err(`input ${JSON.stringify(input)} is shorter than ${start}:${length} needs`);
    }
    return ok(length === undefined ? input.slice(from) : input.slice(from, from + length));
  });
}

function compileRegex(arg: string | undefined): Result<StepApply, string> {
  if (arg === undefined || arg === '') return err('regex needs a pattern, e.g. regex:^;?(\\d+)');
  const unsafe = checkRegexSafety(arg);
  if (unsafe) return err(unsafe);
  let regex: RegExp;
  try {
    regex = new RegExp(arg);
  } catch (error) {
    return err(`invalid regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
  const groups = (new RegExp(`${arg}|`).exec('')?.length ?? 1) - 1;
  return ok((input) => {
    const match = regex.exec(input);
    if (!match) return err(`${JSON.stringify(input)} does not match ${arg}`);
    const value = groups > 0 ? match[1] : match[0];
    if (value === undefined || value === '') return err(`${arg} captured nothing from ${JSON.stringify(input)}`);
    return ok(value);
  });
}

function compileWiegand(arg: string | undefined): Result<StepApply, string> {
  const [name, field, extra] = arg === undefined ? [] : arg.split(':');
  if (name === undefined || !isWiegandFormatName(name)) {
    return err(`wiegand needs a format: one of ${WIEGAND_FORMAT_NAMES.join(', ')}, e.g. wiegand:h10301:card`);
  }
  if (extra !== undefined || (field !== undefined && field !== 'facility' && field !== 'card')) {
    return err('wiegand field must be facility or card, e.g. wiegand:h10301:card');
  }
  const format = WIEGAND_FORMATS[name];
  const chosen = field as WiegandField | undefined;
  if (chosen !== undefined && !wiegandFields(format).includes(chosen)) {
    return err(`${name} has no ${chosen} field (it carries only the card number): use wiegand:${name}:card`);
  }
  return ok((input) => {
    const bits = wiegandBitsFromHex(input, format.length);
    if (!bits.ok) return bits;
    const decoded = decodeWiegand(format, bits.value);
    if (!decoded.ok) return decoded;
    const { facility, card } = decoded.value;
    if (chosen === 'card' || facility === null) return ok(String(card));
    return ok(chosen === 'facility' ? String(facility) : `${facility}:${card}`);
  });
}

export const PIPELINE_STEPS: readonly StepDefinition[] = [
  { name: 'hex', usage: 'hex', summary: 'hex digits in upper case, separators removed (26 de:fa e7 → 26DEFAE7)', compile: noArg('hex', hexNormalise) },
  { name: 'reverse-bytes', usage: 'reverse-bytes', summary: 'reverse the byte order of a hex value (26DEFAE7 → E7FADE26)', compile: noArg('reverse-bytes', reverseBytes) },
  { name: 'hex2dec', usage: 'hex2dec', summary: 'hexadecimal to decimal, any size (26DEFAE7 → 652147431)', compile: noArg('hex2dec', hex2dec) },
  { name: 'dec2hex', usage: 'dec2hex', summary: 'decimal to upper-case hex of whole bytes (2490285352 → 946EBD28)', compile: noArg('dec2hex', dec2hex) },
  { name: 'ascii-hex', usage: 'ascii-hex', summary: 'hex of ASCII text to the text (3934364542443238 → 946EBD28)', compile: noArg('ascii-hex', asciiHex) },
  { name: 'strip-leading-zeros', usage: 'strip-leading-zeros', summary: 'drop leading zeros, keeping a single 0', compile: noArg('strip-leading-zeros', stripLeadingZeros) },
  { name: 'pad', usage: 'pad:<width>', summary: 'left-pad with zeros to width digits, never truncate', compile: compilePad },
  { name: 'substr', usage: 'substr:<start>[:<length>]', summary: 'characters from start (negative: from the end)', compile: compileSubstr },
  { name: 'regex', usage: 'regex:<pattern>', summary: 'first capture group of a match (the whole match without groups)', compile: compileRegex },
  { name: 'wiegand', usage: 'wiegand:<format>[:facility|card]', summary: `Wiegand decode of the low bits of a hex value, parity checked; formats ${WIEGAND_FORMAT_NAMES.join(', ')}; FC:CN (CN alone for a format without facility) or one field`, compile: compileWiegand },
];

export function findStep(name: string): StepDefinition | undefined {
  return PIPELINE_STEPS.find((step) => step.name === name);
}
