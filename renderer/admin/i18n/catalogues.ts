import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import type { Messages } from './messages.js';

export type Language = 'en' | 'de' | 'fr';

export const CATALOGUES: { readonly [L in Language]: Messages } = { en, de, fr };

export const LANGUAGES: readonly Language[] = ['en', 'de', 'fr'];

/** Each language named in itself (an endonym reads the same whatever language is showing). */
export const LANGUAGE_NAMES: { readonly [L in Language]: string } = { en: 'English', de: 'Deutsch', fr: 'Français' };

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
