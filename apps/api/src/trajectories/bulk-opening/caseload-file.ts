import type { Readable } from 'node:stream';
import type { ImportFormat } from '../../../../../libs/store/src';
import { FileColumns, FileRecord, readPartnerFile } from '../../exchange/registration-file.parser';
import { CASELOAD_COLUMNS } from './caseload-row';

const REQUIRED = ['nationalNumber', 'givenName', 'familyName', 'birthDate', 'municipality'];

const CASELOAD_FILE_COLUMNS: FileColumns = {
  columns: CASELOAD_COLUMNS,
  missing: (columns) => REQUIRED.filter((column) => !columns.includes(column)),
};

/**
 * Reads a caseload file as a stream, record by record, the way partner files are read (see readPartnerFile): CSV
 * with a header of CASELOAD_COLUMNS (targetGroupFacts as a JSON object in one field), or JSON Lines with the fields
 * of `POST /trajectories` and an optional dossierId; `hash` is the SHA-256 of the bytes read (once all are).
 */
export function readCaseloadFile(
  input: Readable,
  format: ImportFormat,
): { records: AsyncIterable<FileRecord>; hash: () => string } {
  return readPartnerFile(input, format, CASELOAD_FILE_COLUMNS);
}
