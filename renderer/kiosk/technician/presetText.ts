import type { PlainKey } from '../i18n/messages.js';

const SUMMARY: Readonly<Record<string, PlainKey>> = {
  rdm6300: 'tech.preset.rdm6300',
  'twn4-cdc': 'tech.preset.twn4-cdc',
  line: 'tech.preset.line',
  'hid-keyboard': 'tech.preset.hid-keyboard',
};

/** The translated summary of a known preset; unknown presets show the host's own text. */
export function presetSummaryKey(name: string): PlainKey | undefined {
  return Object.prototype.hasOwnProperty.call(SUMMARY, name) ? SUMMARY[name] : undefined;
}
