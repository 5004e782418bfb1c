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
