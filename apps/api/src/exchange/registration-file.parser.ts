import { parse } from 'csv-parse';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { PassThrough, Readable, Transform } from 'node:stream';
import { REGISTRATION_COLUMNS, RowProblem, rowProblem } from '../../../../libs/domain/src';
import type { ImportFormat } from '../../../../libs/store/src';

/** One record of a partner file: its fields by documented column, or why it could not be read at all. */
export type FileRecord =
  { rowNumber: number; fields: Record<string, unknown> } | { rowNumber: number; problems: RowProblem[] };

/** The file cannot be read as a whole (a broken header, broken quoting): the upload is refused, naming where. */
export class UnreadableFileError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'UnreadableFileError';
  }
}

export const MAX_RECORD_BYTES = 64 * 1024;

/**
 * Reads a partner file as a stream, record by record, never holding the whole file. `hash()` gives the SHA-256 of
 * the bytes read once the records are exhausted.
 * CSV: a header row with the documented column names, `;` or `,` (decided from the header), UTF-8 with or without
 * BOM, LF or CRLF, fields quoted with `"` when they hold separators, quotes or line breaks. Row numbers count the
 * data records (the header is row 0). JSON Lines: one object per line, row number = line number; blank lines skipped.
 */
export function readRegistrationFile(
  input: Readable,
  format: ImportFormat,
): { records: AsyncIterable<FileRecord>; hash: () => string } {
  return readPartnerFile(input, format, REGISTRATION_FILE_COLUMNS);
}

/** The columns a kind of partner file documents, and which of them its header must have. */
export interface FileColumns {
  columns: readonly string[];
  /** The required columns the header lacks (an entry may name alternatives). */
  missing(columns: readonly string[]): string[];
}

const REGISTRATION_FILE_COLUMNS: FileColumns = {
  columns: REGISTRATION_COLUMNS,
  missing(columns) {
    const missing = ['registeredOn', 'office', 'partnerDossierId'].filter(
      (column) => !columns.includes(column),
    );
    if (!columns.includes('nationalNumber') && !columns.includes('trajectoryId'))
      missing.unshift('nationalNumber or trajectoryId');
    return missing;
  },
};

/**
 * Any partner file (registrations, a municipality's activities, a test centre's records), read the same way:
 * the CSV header is checked against `columns`, JSON Lines keys are left to the row check.
 */
export function readPartnerFile(
  input: Readable,
  format: ImportFormat,
  columns: FileColumns,
): { records: AsyncIterable<FileRecord>; hash: () => string } {
  const digest = createHash('sha256');
  const tapped = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      digest.update(chunk);
      done(null, chunk);
    },
  });
  input.on('error', (error) => tapped.destroy(error));
  input.pipe(tapped);
  let hash: string | undefined;
  const records = format === 'CSV' ? csvRecords(tapped, columns) : jsonLinesRecords(tapped);
  return {
    records: (async function* () {
      yield* records;
      hash = digest.digest('hex');
    })(),
    hash: () => {
      if (hash === undefined) throw new Error('the file has not been read to its end');
      return hash;
    },
  };
}

async function* csvRecords(input: Readable, spec: FileColumns): AsyncGenerator<FileRecord> {
  const { head, rest } = await headerLine(input);
  const delimiter = countOf(head, ';') >= countOf(head, ',') ? ';' : ',';
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    info: true,
  });
  rest.on('error', (error) => parser.destroy(error));
  rest.pipe(parser);
  let columns: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { records: number };
    }>) {
      if (!columns) {
        columns = headerColumns(record, spec);
        continue;
      }
      const rowNumber = info.records - 1;
      if (record.length !== columns.length) {
        yield {
          rowNumber,
          problems: [
            rowProblem('row', 'ROW_FIELD_COUNT', { found: record.length, expected: columns.length }),
          ],
        };
        continue;
      }
      const fields: Record<string, unknown> = {};
      columns.forEach((column, index) => {
        if (record[index] !== '') fields[column] = record[index];
      });
      yield { rowNumber, fields };
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    const { code, lines } = error as { code?: string; lines?: number };
    if (code?.startsWith('CSV_'))
      throw new UnreadableFileError('file', `is not readable as CSV near line ${lines ?? '?'} (${code})`);
    throw error;
  }
  if (!columns) throw new UnreadableFileError('file', 'is empty: a header row is required');
}

function headerColumns(record: string[], spec: FileColumns): string[] {
  const known = new Map(spec.columns.map((column) => [column.toLowerCase(), column]));
  const columns: string[] = record.map((name, index) => {
    const column = known.get(name.trim().toLowerCase());
    if (!column)
      throw new UnreadableFileError(
        'header',
        `column ${index + 1} is not a documented column (expected ${spec.columns.join(', ')})`,
      );
    return column;
  });
  const missing = spec.missing(columns);
  if (missing.length) throw new UnreadableFileError('header', `misses the column(s) ${missing.join(', ')}`);
  if (new Set(columns).size !== columns.length)
    throw new UnreadableFileError('header', 'names a column twice');
  return columns;
}

/** The bytes up to the first line break, and a stream that replays them followed by the rest. */
function headerLine(input: Readable): Promise<{ head: string; rest: Readable }> {
  return new Promise((resolve, reject) => {
    const seen: Buffer[] = [];
    let size = 0;
    const finish = () => {
      input.off('data', onData);
      input.off('end', finish);
      input.off('error', reject);
      input.pause();
      const rest = new PassThrough();
      for (const chunk of seen) rest.write(chunk);
      if (input.readableEnded) rest.end();
      else {
        input.on('error', (error) => rest.destroy(error));
        input.pipe(rest);
      }
      resolve({ head: Buffer.concat(seen).toString('utf8').split('\n')[0], rest });
    };
    const onData = (chunk: Buffer) => {
      seen.push(chunk);
      size += chunk.length;
      if (chunk.includes(0x0a) || size > MAX_RECORD_BYTES) finish();
    };
    input.on('data', onData);
    input.on('end', finish);
    input.on('error', reject);
  });
}

function countOf(text: string, character: string): number {
  return text.split(character).length - 1;
}

async function* jsonLinesRecords(input: Readable): AsyncGenerator<FileRecord> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let rowNumber = 0;
  for await (const raw of lines) {
    rowNumber++;
    const line = rowNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!line.trim()) continue;
    if (line.length > MAX_RECORD_BYTES) {
      yield {
        rowNumber,
        problems: [rowProblem('row', 'ROW_TOO_LONG', { maxLength: MAX_RECORD_BYTES })],
      };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      yield { rowNumber, problems: [rowProblem('row', 'ROW_NOT_JSON')] };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield {
        rowNumber,
        problems: [rowProblem('row', 'ROW_NOT_A_JSON_OBJECT')],
      };
      continue;
    }
    yield { rowNumber, fields: value as Record<string, unknown> };
  }
}
