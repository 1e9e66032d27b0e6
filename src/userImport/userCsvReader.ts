import { parse, CsvError } from 'csv-parse';
import { Transform, type Readable } from 'node:stream';

/** The import file's columns, in this order. The `pin` column may be left out entirely. */
export const USER_CSV_COLUMNS = ['username', 'name', 'email', 'primary_card', 'secondary_card', 'pin'] as const;
export const USER_CSV_HEADER = USER_CSV_COLUMNS.join(',');

/** Where a first line departs from the header, by column number and expected name only. */
function headerDifference(record: readonly string[]): string {
  const column = USER_CSV_COLUMNS.findIndex((name, i) => record[i] !== name);
  if (column === -1 || column >= record.length) return `the first line has ${record.length} column(s)`;
  return `column ${column + 1} of the first line is not "${USER_CSV_COLUMNS[column]}"`;
}

export interface UserCsvRecord {
  /** 1-based line of the file where the record starts (what an administrator looks for in an editor). */
  readonly line: number;
  readonly username: string;
  readonly name: string;
  readonly email: string;
  readonly primaryCard: string;
  readonly secondaryCard: string;
  readonly pin: string;
}

export type UserCsvItem =
  | { readonly kind: 'record'; readonly record: UserCsvRecord }
  | { readonly kind: 'problem'; readonly line: number; readonly reason: string };

/** A file that cannot be read as the import format at all (bad header, broken quoting). */
export class UserCsvFormatError extends Error {
  override readonly name = 'UserCsvFormatError';
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/**
 * Passes the file through unchanged, refusing it at the first byte sequence that is not UTF-8
 * (issue 11, finding 10): a Latin-1 export would otherwise import with replacement characters in
 * names, silently. The line is counted as far as the file could be read.
 */
function strictUtf8(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      if (typeof chunk === 'string') return done(null, chunk);
      try {
        // Line by line: a newline byte is never part of a multi-byte character, so the line that
        // fails to decode is the line to name.
        for (let start = 0; start < chunk.length; ) {
          const newline = chunk.indexOf(10, start);
          const end = newline < 0 ? chunk.length : newline + 1;
          decoder.decode(chunk.subarray(start, end), { stream: true });
          if (newline >= 0) line++;
          start = end;
        }
        done(null, chunk);
      } catch {
        done(new UserCsvFormatError(line, 'the file is not UTF-8 text; save it as UTF-8 (CSV UTF-8) and import it again'));
      }
    },
    flush(done) {
      try {
        decoder.decode();
        done();
      } catch {
        done(new UserCsvFormatError(line, 'the file is not UTF-8 text; it ends in the middle of a character'));
      }
    },
  });
}

function newlinesIn(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Streams the import file record by record (csv-parse), so 100,000 rows never sit in memory as
 * text. Rows with the wrong number of fields come out as problems with their line number; the
 * header must be exactly the documented one (with or without the trailing `pin` column).
 */
export async function* readUserCsv(input: Readable): AsyncGenerator<UserCsvItem> {
  // Line numbers are counted here rather than taken from csv-parse's `info` option, which copies
  // an info object per record and made up a fifth of a 100,000-row import. Empty lines are kept
  // (one empty field) so the count stays exact, then skipped.
  const utf8 = strictUtf8();
  const parser = input.pipe(utf8).pipe(parse({ bom: true, trim: true, relax_column_count: true }));
  input.on('error', (error) => parser.destroy(error));
  utf8.on('error', (error) => parser.destroy(error));
  let width = 0;
  let nextLine = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1 + newlinesIn(record);
      if (record.length === 1 && record[0] === '') continue;
      if (width === 0) {
        const header = record.join(',');
        if (header !== USER_CSV_HEADER && header !== USER_CSV_COLUMNS.slice(0, -1).join(',')) {
          // Named by position, never quoted: a file without its header starts with a row, PIN included (issue 11, finding 8).
          throw new UserCsvFormatError(line, `the header must be exactly "${USER_CSV_HEADER}" (the pin column may be left out); ${headerDifference(record)}`);
        }
        width = record.length;
        continue;
      }
      if (record.length !== width) {
        yield { kind: 'problem', line, reason: `expected ${width} fields, found ${record.length}` };
        continue;
      }
      const [username = '', name = '', email = '', primaryCard = '', secondaryCard = '', pin = ''] = record;
      yield { kind: 'record', record: { line, username, name, email, primaryCard, secondaryCard, pin } };
    }
  } catch (error) {
    if (error instanceof UserCsvFormatError) throw error;
    if (error instanceof CsvError) {
      // csv-parse's own message can quote a field's value, and that field may be a PIN: report
      // only the line and the error code.
      const lines = (error as unknown as { lines?: unknown }).lines;
      throw new UserCsvFormatError(typeof lines === 'number' ? lines : nextLine, `the file is not valid CSV (${error.code})`);
    }
    throw error;
  }
  if (width === 0) throw new UserCsvFormatError(1, `the file is empty; the first line must be "${USER_CSV_HEADER}"`);
}
