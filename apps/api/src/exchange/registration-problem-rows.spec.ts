import type { ProblemRowView } from '../../../../libs/store/src';
import { toCsv } from '../http/csv';
import { PROBLEM_COLUMNS } from './registration-problem-rows';

const toProblemsCsv = (rows: ProblemRowView[]) => toCsv(PROBLEM_COLUMNS, rows);

describe('the problem rows as CSV', () => {
  it('quotes separators, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const csv = toProblemsCsv([
      {
        rowNumber: 4,
        outcome: 'INVALID',
        fields: 'office registeredOn',
        reason: 'office: is required; registeredOn: must be a date as YYYY-MM-DD',
        problems: [
          { field: 'office', reason: 'is required', key: 'FIELD_REQUIRED' },
          { field: 'registeredOn', reason: 'must be a date as YYYY-MM-DD', key: 'FIELD_NOT_A_DATE' },
        ],
        nationalNumber: null,
        trajectoryId: null,
        registeredOn: '12/11/2026',
        office: 'Antwerpen, "Noord"\r\nloket 2',
        partnerDossierId: '=HYPERLINK("x")',
      },
    ]);
    expect(csv).toBe(
      'rowNumber,outcome,fields,reason,nationalNumber,trajectoryId,registeredOn,office,partnerDossierId\r\n' +
        '4,INVALID,office registeredOn,office: is required; registeredOn: must be a date as YYYY-MM-DD,,,12/11/2026,' +
        '"Antwerpen, ""Noord""\r\nloket 2","\'=HYPERLINK(""x"")"\r\n',
    );
  });

  it('is the header alone when nothing went wrong', () => {
    expect(toProblemsCsv([])).toBe(
      'rowNumber,outcome,fields,reason,nationalNumber,trajectoryId,registeredOn,office,partnerDossierId\r\n',
    );
  });
});
