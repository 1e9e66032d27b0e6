import type { ApiProblem } from '../api/userApi.js';
import type { I18n } from '../i18n/I18nProvider.js';

/** A refusal in the user's language: by code (and the PIN rule), else the server's own words. */
export function problemText(i18n: I18n, problem: ApiProblem, context: 'directory' | 'card' | 'other' = 'other'): string {
  const d = problem.details ?? {};
  if (problem.code === 'network') return i18n.t('networkProblem');
  if (problem.code === 'pin-policy' && typeof d.rule === 'string') {
    const key = `rule.${d.rule}`;
    if (i18n.has(key)) return i18n.t(key, { min: String(d.minLength ?? ''), max: String(d.maxLength ?? '') });
  }
  if (problem.code === 'invalid-credentials' && context === 'card') return i18n.t('error.invalid-credentials.card');
  if (problem.code === 'locked-out') return i18n.t('error.locked-out', { minutes: String(d.minutesLeft ?? '') });
  const key = `error.${problem.code}`;
  return i18n.has(key) ? i18n.t(key) : problem.message;
}
