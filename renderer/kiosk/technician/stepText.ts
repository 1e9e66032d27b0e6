import type { PlainKey } from '../i18n/messages.js';

const SUMMARY: Readonly<Record<string, PlainKey>> = {
  hex: 'tech.step.summary.hex',
  'reverse-bytes': 'tech.step.summary.reverse-bytes',
  hex2dec: 'tech.step.summary.hex2dec',
  dec2hex: 'tech.step.summary.dec2hex',
  'ascii-hex': 'tech.step.summary.ascii-hex',
  'strip-leading-zeros': 'tech.step.summary.strip-leading-zeros',
  pad: 'tech.step.summary.pad',
  substr: 'tech.step.summary.substr',
  regex: 'tech.step.summary.regex',
  wiegand: 'tech.step.summary.wiegand',
};

/** What a pipeline step does, in the kiosk's language. */
export function stepSummaryKey(name: string): PlainKey | undefined {
  return Object.prototype.hasOwnProperty.call(SUMMARY, name) ? SUMMARY[name] : undefined;
}
