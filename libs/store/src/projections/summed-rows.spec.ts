import { SumsOfRows, sumsTableRows, sumsTablesText } from './summed-rows';

describe('SumsOfRows: contribution rows summed per group, as the append keeps the sums', () => {
  const byCounsellor = { table: 'by_counsellor', groupBy: ['month', 'counsellor'], measures: ['open', 'known'] };
  const byOffice = { ...byCounsellor, table: 'by_office', officeOf: 'counsellor' };
  const byYear = { table: 'by_year', groupBy: ['year'], measures: ['known'] };
  const models = [{ sums: [byCounsellor, byOffice, byYear] }];
  const row = (month: string, counsellor: string | null | undefined, open: number, known = 0) => ({
    month,
    year: `${month.slice(0, 4)}-01-01`,
    counsellor,
    open,
    known,
  });

  it('keeps one group per model by the properties of all its tables; null and undefined are one, apart from any text', () => {
    const sums = new SumsOfRows(models);
    expect(sums.models).toEqual([{ groupBy: ['month', 'counsellor', 'year'], measures: ['open', 'known'] }]);
    sums.add(0, [row('2026-01-01', 'c-1', 1), row('2026-01-01', null, 1), row('2026-01-01', undefined, 1, 1)]);
    sums.add(0, [row('2026-01-01', 'c-1', 1, 1), row('2026-01-01', 'null', 1)]);
    expect([...sums.groups[0].values()]).toEqual([
      { group: ['2026-01-01', 'c-1', '2026-01-01'], measures: [2, 1] },
      { group: ['2026-01-01', null, '2026-01-01'], measures: [2, 1] },
      { group: ['2026-01-01', 'null', '2026-01-01'], measures: [1, 0] },
    ]);
  });

  it("sums each table's groups from those, merged with other threads' sums, without the groups that sum to zero", () => {
    const [one, other] = [new SumsOfRows(models), new SumsOfRows(models)];
    one.add(0, [row('2026-01-01', 'c-1', 1, 1), row('2026-02-01', 'c-1', 1), row('2025-12-01', 'c-3', 1)]);
    other.add(0, [row('2026-01-01', 'c-1', -1, -1), row('2026-03-01', 'c-2', 1, 2)]);
    one.merge(other.groups);
    expect(sumsTableRows(one.models[0], one.groups[0], byCounsellor)).toEqual([
      { group: ['2026-02-01', 'c-1'], measures: [1, 0] },
      { group: ['2025-12-01', 'c-3'], measures: [1, 0] },
      { group: ['2026-03-01', 'c-2'], measures: [1, 2] },
    ]);
    expect(sumsTableRows(one.models[0], one.groups[0], byYear)).toEqual([
      { group: ['2026-01-01'], measures: [2] },
    ]);
  });

  it("groups by the counsellors' offices: counsellors of one office merged, without one (or none) null", () => {
    const sums = new SumsOfRows(models);
    sums.add(0, [
      row('2026-01-01', 'c-1', 1),
      row('2026-01-01', 'c-2', 2, 1),
      row('2026-01-01', 'c-3', 4),
      row('2026-01-01', null, 8),
      row('2026-01-01', 'c-4', 1),
      row('2026-01-01', 'c-5', -1),
    ]);
    const offices = new Map([
      ['c-1', 'west'],
      ['c-2', 'west'],
      ['c-4', 'east'],
      ['c-5', 'east'],
    ]);
    expect(sumsTableRows(sums.models[0], sums.groups[0], byOffice, offices)).toEqual([
      { group: ['2026-01-01', 'west'], measures: [3, 1] },
      { group: ['2026-01-01', null], measures: [12, 0] },
    ]);
  });

  it('writes each table as COPY text, groups then measures, null as \\N', () => {
    const sums = new SumsOfRows(models);
    sums.add(0, [row('2026-01-01', 'c-1', 1), row('2026-01-01', null, 2, 1)]);
    const tables = [
      { types: ['date', 'text', 'bigint', 'bigint'] },
      { types: ['date', 'text', 'bigint', 'bigint'] },
      { types: ['date', 'bigint'] },
    ];
    const text = sumsTablesText(models, sums, [], tables, new Map([['c-1', 'west']]));
    expect(text.map(({ lines, rows }) => [lines.toString(), rows])).toEqual([
      ['2026-01-01\tc-1\t1\t0\n2026-01-01\t\\N\t2\t1\n', 2],
      ['2026-01-01\twest\t1\t0\n2026-01-01\t\\N\t2\t1\n', 2],
      ['2026-01-01\t1\n', 1],
    ]);
  });
});
