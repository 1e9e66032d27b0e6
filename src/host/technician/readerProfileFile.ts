import type { z } from 'zod';
import {
  MAX_PROFILE_JSON,
  READER_PROFILE_FORMAT,
  readerProfileFileSchema,
  type ReaderEntry,
  type ReaderProfile,
  type ReaderProfileFile,
} from '../../contract/index.js';
import { err, ok, type Result } from '../../core/index.js';

/** Where in the file, as a technician would look for it: `readers[1].pipeline`. */
function where(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : `${text === '' ? '' : '.'}${String(part)}`;
  return text === '' ? 'the file' : text;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return `${where(issue.path)}: unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
      return `${where(issue.path)}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Reads a reader profile file (technician import, `badgekiosk readers profile import`): JSON, the
 * profile schema, then every reader checked in depth. Every refusal names what is wrong and where.
 */
export function parseReaderProfileText(
  text: string,
  checkReader: (entry: ReaderEntry) => Result<unknown, string>,
): Result<ReaderProfile, string> {
  if (text.length > MAX_PROFILE_JSON) return err(`The reader profile file is larger than ${MAX_PROFILE_JSON} characters.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err(`The reader profile file is not JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err(`The reader profile file must hold one JSON object with "format": "${READER_PROFILE_FORMAT}".`);
  }
  const parsed = readerProfileFileSchema.safeParse(json);
  if (!parsed.success) return err(`The reader profile file is not valid: ${describeIssues(parsed.error.issues)}.`);
  for (const [index, entry] of parsed.data.readers.entries()) {
    const checked = checkReader(entry);
    if (!checked.ok) return err(`The reader profile file is not valid: readers[${index}] (${entry.id}): ${checked.error}.`);
  }
  const { format, version, readers } = parsed.data;
  return ok({ format, version, readers });
}

/** The file a technician downloads or the CLI writes: the profile, stamped with where and when. */
export function exportReaderProfile(profile: ReaderProfile, kioskId: string | null, now: number): { fileName: string; json: string } {
  const exportedAt = new Date(now).toISOString();
  const file: ReaderProfileFile = { ...profile, exportedAt, exportedFrom: kioskId };
  const stamp = exportedAt.slice(0, 10);
  const name = (kioskId ?? 'kiosk').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40);
  return { fileName: `reader-profile-${name}-${stamp}.json`, json: JSON.stringify(file, null, 2) + '\n' };
}
