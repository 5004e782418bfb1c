import { Readable } from 'node:stream';
import { FileRecord, readRegistrationFile, UnreadableFileError } from './registration-file.parser';

async function read(text: string | Buffer, format: 'CSV' | 'JSONL' = 'CSV', chunkSize = 7) {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
  const file = readRegistrationFile(Readable.from(chunks), format);
  const records: FileRecord[] = [];
  for await (const record of file.records) records.push(record);
  return { records, hash: file.hash() };
}

describe('reading a partner file', () => {
  it('reads a CSV with BOM, ";" separators, CRLF and quoted fields holding separators and line breaks', async () => {
    const text =
      '\uFEFFnationalNumber;registeredOn;office;partnerDossierId\r\n' +
      '90041212377;2026-11-20;"Gent; Zuid";V-1\r\n' +
      '\r\n' +
      '90041212377;2026-11-21;"Antwerpen, ""Noord""\r\nloket 2";V-2\r\n';
    const { records, hash } = await read(text);
    expect(records).toEqual([
      {
        rowNumber: 1,
        fields: {
          nationalNumber: '90041212377',
          registeredOn: '2026-11-20',
          office: 'Gent; Zuid',
          partnerDossierId: 'V-1',
        },
      },
      {
        rowNumber: 2,
        fields: {
          nationalNumber: '90041212377',
          registeredOn: '2026-11-21',
          office: 'Antwerpen, "Noord"\r\nloket 2',
          partnerDossierId: 'V-2',
        },
      },
    ]);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads "," separators and leaves empty fields out', async () => {
    const { records } = await read(
      'trajectoryId,registeredOn,office,partnerDossierId\nT,2026-11-20,"Gent; Zuid",\n',
    );
    expect(records).toEqual([
      { rowNumber: 1, fields: { trajectoryId: 'T', registeredOn: '2026-11-20', office: 'Gent; Zuid' } },
    ]);
  });

  it('gives a record with the wrong number of fields its own problem', async () => {
    const { records } = await read('nationalNumber;registeredOn;office;partnerDossierId\n1;2\n');
    expect(records).toEqual([
      {
        rowNumber: 1,
        problems: [
          {
            field: 'row',
            reason: 'has 2 fields, the header has 4',
            key: 'ROW_FIELD_COUNT',
            params: { found: 2, expected: 4 },
          },
        ],
      },
    ]);
  });

  it.each([
    ['', 'file', 'is empty: a header row is required'],
    ['insz;registeredOn;office;partnerDossierId\n', 'header', 'column 1 is not a documented column'],
    ['nationalNumber;office;partnerDossierId\n', 'header', 'misses the column(s) registeredOn'],
    [
      'nationalNumber;registeredOn;office;partnerDossierId\n"x;2026-01-01;a;b\n',
      'file',
      'is not readable as CSV',
    ],
  ])('refuses an unreadable file %j', async (text, field, reason) => {
    const error = await read(text).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toContain(reason);
  });

  it('reads JSON Lines with a BOM and CRLF, numbering rows by line', async () => {
    const { records } = await read(
      '\uFEFF{"nationalNumber":"90041212377","office":"Gent"}\r\n\r\nnot json\r\n[1]\r\n',
      'JSONL',
    );
    expect(records).toEqual([
      { rowNumber: 1, fields: { nationalNumber: '90041212377', office: 'Gent' } },
      { rowNumber: 3, problems: [{ field: 'row', reason: 'is not valid JSON', key: 'ROW_NOT_JSON' }] },
      {
        rowNumber: 4,
        problems: [
          {
            field: 'row',
            reason: 'must be a JSON object with the documented fields',
            key: 'ROW_NOT_A_JSON_OBJECT',
          },
        ],
      },
    ]);
  });

  it('hashes the bytes, so the same file gives the same hash', async () => {
    const text = 'nationalNumber,registeredOn,office,partnerDossierId\n1,2,3,4\n';
    expect((await read(text, 'CSV', 3)).hash).toBe((await read(text, 'CSV', 50)).hash);
    expect((await read(text)).hash).not.toBe((await read(`${text}\n`)).hash);
  });
});
