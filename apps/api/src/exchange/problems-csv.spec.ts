import { toProblemsCsv } from './problems-csv';

describe('the problem rows as CSV', () => {
  it('quotes separators, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const csv = toProblemsCsv([
      {
        rowNumber: 4,
        outcome: 'INVALID',
        fields: 'office registeredOn',
        reason: 'office: is required; registeredOn: must be a date as YYYY-MM-DD',
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
