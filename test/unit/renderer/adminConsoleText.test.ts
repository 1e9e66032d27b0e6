import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CATALOGUES, LANGUAGES } from '../../../renderer/admin/i18n/catalogues.js';
import { en } from '../../../renderer/admin/i18n/en.js';

const ADMIN_DIR = path.resolve(__dirname, '../../../renderer/admin');

function sample(value: string | ((...args: never[]) => string)): string {
  if (typeof value === 'string') return value;
  return (value as (...args: unknown[]) => string)('x', 'y', 'z');
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsxFiles(full);
    return full.endsWith('.tsx') ? [full] : [];
  });
}

describe('admin console texts', () => {
  it.each(LANGUAGES)('%s has exactly the English keys, each a non-empty text', (language) => {
    const catalogue = CATALOGUES[language];
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(catalogue)) expect(sample(value).trim().length, key).toBeGreaterThan(0);
  });

  it('German and French are translations, not copies of the English texts', () => {
    for (const language of ['de', 'fr'] as const) {
      for (const key of ['nav.users', 'signIn.submit', 'general.allowChangePin', 'config.quickFind'] as const) {
        expect(CATALOGUES[language][key], `${language} ${key}`).not.toBe(en[key]);
      }
    }
  });

  it("English uses PaperCut's words and the names people and screen readers look for", () => {
    expect([en['general.allowChangePin'], en['general.allowChangeCard'], en['general.primary'], en['general.secondary'], en['general.autoGenerate']]).toEqual([
      'Allow users to change their Card/ID PIN',
      'Allow users to change their Card/ID number',
      'Primary card number',
      'Secondary card number',
      'Auto-generate random number (users cannot manually enter a number)',
    ]);
    expect([en['signIn.username'], en['signIn.password'], en['signIn.submit'], en['signOut'], en['signIn.wrong']]).toEqual([
      'Username', 'Password', 'Sign in', 'Sign out', 'Wrong username or password.',
    ]);
    expect([en['nav.options'], en['nav.general'], en['nav.configEditor'], en['nav.users'], en['nav.kiosks'], en['nav.audit']]).toEqual([
      'Options', 'General', 'Config editor (advanced)', 'Users', 'Kiosks', 'Audit log',
    ]);
    expect([en['config.quickFind'], en['config.go'], en['config.update'], en['general.apply']]).toEqual(['Quick find', 'GO', 'Update', 'Apply']);
  });

  it('components hold no literal user-visible text: every word comes from a catalogue', () => {
    const literals: string[] = [];
    for (const file of tsxFiles(ADMIN_DIR)) {
      const source = readFileSync(file, 'utf8');
      const where = path.relative(ADMIN_DIR, file);
      for (const match of source.matchAll(/>([^<>{}]*[A-Za-z][^<>{}]*)<\//g)) literals.push(`${where}: text ${JSON.stringify(match[1]!.trim())}`);
      for (const match of source.matchAll(/\b(aria-label|placeholder|title|alt)="([^"]*)"/g)) literals.push(`${where}: ${match[1]}="${match[2]}"`);
    }
    expect(literals).toEqual([]);
  });
});
