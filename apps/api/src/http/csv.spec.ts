import { toCsv, wantsCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and CRLF rows, quoting what needs it and defusing formulas', () => {
    expect(
      toCsv<{ a: unknown; b: unknown }>(
        ['a', 'b'],
        [
          { a: 'Gent, centrum', b: 3 },
          { a: '=cmd()', b: null },
          { a: 'say "hi"', b: 0 },
        ],
      ),
    ).toBe('a,b\r\n"Gent, centrum",3\r\n\'=cmd(),\r\n"say ""hi""",0\r\n');
  });

  it('keeps numbers numbers, negative ones too, and neutralises text that starts a formula', () => {
    const rows = [
      { text: '-2+3', number: -2, share: -0.25 },
      { text: '+32 9 123', number: 0, share: 1.5 },
      { text: '@SUM(A1)', number: -1e21, share: null },
      { text: '\tx', number: 7, share: 0 },
    ];
    expect(toCsv(['text', 'number', 'share'], rows)).toBe(
      "text,number,share\r\n'-2+3,-2,-0.25\r\n'+32 9 123,0,1.5\r\n'@SUM(A1),-1e+21,\r\n'\tx,7,0\r\n",
    );
  });

  it('reads nested columns and writes lists of values spaced, lists of records as JSON', () => {
    const rows = [
      { id: 'a', next: { dueOn: '2026-03-01' }, tags: ['x', 'y'], records: [{ n: 1 }] },
      { id: 'b', next: null, tags: [], records: [] },
    ];
    expect(toCsv(['id', 'next.dueOn', 'tags', 'records'], rows)).toBe(
      'id,next.dueOn,tags,records\r\na,2026-03-01,x y,"[{""n"":1}]"\r\nb,,,\r\n',
    );
  });
});

describe('wantsCsv', () => {
  it('follows format first, then the Accept header', () => {
    expect(wantsCsv('csv', undefined)).toBe(true);
    expect(wantsCsv('json', 'text/csv')).toBe(false);
    expect(wantsCsv(undefined, 'text/csv')).toBe(true);
    expect(wantsCsv(undefined, 'application/json, text/csv;q=0.5')).toBe(true);
    expect(wantsCsv(undefined, 'application/json')).toBe(false);
    expect(wantsCsv(undefined, undefined)).toBe(false);
  });
});
