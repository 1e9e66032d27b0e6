import { Readable } from 'node:stream';
import { readUserCsv, UserCsvFormatError, type UserCsvItem } from '../../../src/userImport/userCsvReader.js';

async function readAll(text: string): Promise<UserCsvItem[]> {
  const items: UserCsvItem[] = [];
  for await (const item of readUserCsv(Readable.from([text]))) items.push(item);
  return items;
}

const HEADER = 'username,name,email,primary_card,secondary_card,pin\n';

describe('user CSV reader', () => {
  it('yields one record per row with the line it starts on, card numbers as strings', async () => {
    const items = await readAll(HEADER + 'alice,Alice A,alice@example.org,0012345,,2580\n\n"bob","Bob\nB",,99,100,\n');
    expect(items).toEqual([
      { kind: 'record', record: { line: 2, username: 'alice', name: 'Alice A', email: 'alice@example.org', primaryCard: '0012345', secondaryCard: '', pin: '2580' } },
      { kind: 'record', record: { line: 4, username: 'bob', name: 'Bob\nB', email: '', primaryCard: '99', secondaryCard: '100', pin: '' } },
    ]);
  });

  it('accepts the header without the pin column', async () => {
    const items = await readAll('username,name,email,primary_card,secondary_card\r\ncarol,,,7,\r\n');
    expect(items).toEqual([{ kind: 'record', record: { line: 2, username: 'carol', name: '', email: '', primaryCard: '7', secondaryCard: '', pin: '' } }]);
  });

  it('reports a row with the wrong number of fields by its line', async () => {
    const items = await readAll(HEADER + 'alice,,,1,,\nbob,,,2\n');
    expect(items[1]).toEqual({ kind: 'problem', line: 3, reason: 'expected 6 fields, found 4' });
  });

  it('refuses a file whose header is not exactly the documented one', async () => {
    await expect(readAll('user,name,email\nalice,,\n')).rejects.toThrow(UserCsvFormatError);
    await expect(readAll('user,name,email\nalice,,\n')).rejects.toThrow(/line 1: the header must be exactly "username,name,email,primary_card,secondary_card,pin"/);
  });

  it('refuses an empty file', async () => {
    await expect(readAll('')).rejects.toThrow(/empty/);
  });

  it('reports broken quoting by line and code without quoting the field (it may be a PIN)', async () => {
    const error = await readAll(HEADER + 'alice,,,1,,"12"34\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserCsvFormatError);
    expect((error as Error).message).toMatch(/^line 2: the file is not valid CSV \(CSV_/);
    expect((error as Error).message).not.toContain('34');
  });

  it('never quotes a cell in its refusals: a file without its header starts with a row, PIN included (issue 11, finding 8)', async () => {
    const error = await readAll('alice,Alice,alice@example.org,0012345,777,58203917\n').catch((e: Error) => e);
    expect(String(error)).toContain('line 1: the header must be exactly "username,name,email,primary_card,secondary_card,pin"');
    expect(String(error)).toContain('column 1 of the first line is not "username"');
    for (const cell of ['alice', '58203917', '0012345', '777', 'alice@example.org']) expect(String(error)).not.toContain(cell);
  });

  it('refuses a file that is not UTF-8 instead of importing replacement characters (issue 11, finding 10)', async () => {
    const latin1 = Buffer.concat([Buffer.from('username,name,email,primary_card,secondary_card\nzoe,Zo'), Buffer.from([0xeb]), Buffer.from(',,,\n')]);
    const error = await (async () => {
      for await (const _ of readUserCsv(Readable.from([latin1]))) void _;
    })().catch((e: Error) => e);
    expect(String(error)).toContain('line 2: the file is not UTF-8 text');
  });
});
