import { SumsOfRows, sumsTableRows, sumsTablesText } from './summed-rows';

describe('SumsOfRows: contribution rows summed per group, as the append keeps the sums', () => {
  const models = [
    {
      sums: [
        { table: 'by_counsellor', groupBy: ['month', 'counsellor'], measures: ['open', 'known'] },
        {
          table: 'by_office',
          groupBy: ['month', 'counsellor'],
          measures: ['open', 'known'],
          officeOf: 'counsellor',
        },
        { table: 'by_month', groupBy: ['month'], measures: ['open', 'known'] },
      ],
    },
  ];
  const row = (month: string, counsellor: string | null | undefined, open: number, known = 0) => ({
    month,
    counsellor,
    open,
    known,
  });

  it('shares a grouping between tables that group alike; null and undefined are one group, apart from any text', () => {
    const sums = new SumsOfRows(models);
    expect(sums.groupingOf).toEqual([[0, 0, 1]]);
    sums.add(0, [
      row('2026-01-01', 'c-1', 1),
      row('2026-01-01', null, 1),
      row('2026-01-01', undefined, 1, 1),
    ]);
    sums.add(0, [row('2026-01-01', 'c-1', 1, 1), row('2026-01-01', 'null', 1)]);
    expect([...sums.groups[0].values()]).toEqual([
      { group: ['2026-01-01', 'c-1'], measures: [2, 1] },
      { group: ['2026-01-01', null], measures: [2, 1] },
      { group: ['2026-01-01', 'null'], measures: [1, 0] },
    ]);
    expect([...sums.groups[1].values()]).toEqual([{ group: ['2026-01-01'], measures: [5, 2] }]);
  });

  it('merges the sums of other threads, and leaves out the groups that sum to zero', () => {
    const [one, other] = [new SumsOfRows(models), new SumsOfRows(models)];
    one.add(0, [row('2026-01-01', 'c-1', 1), row('2026-02-01', 'c-1', 1)]);
    other.add(0, [row('2026-01-01', 'c-1', -1), row('2026-03-01', 'c-2', 1)]);
    one.merge(other.groups);
    expect(sumsTableRows(one.groups[0])).toEqual([
      { group: ['2026-02-01', 'c-1'], measures: [1, 0] },
      { group: ['2026-03-01', 'c-2'], measures: [1, 0] },
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
    expect(sumsTableRows(sums.groups[0], { index: 1, offices })).toEqual([
      { group: ['2026-01-01', 'west'], measures: [3, 1] },
      { group: ['2026-01-01', null], measures: [12, 0] },
    ]);
  });

  it('writes each table as COPY text, groups then measures, null as \\N', () => {
    const sums = new SumsOfRows(models);
    sums.add(0, [row('2026-01-01', 'c-1', 1), row('2026-01-01', null, 2, 1)]);
    const tables = [
      { types: ['date', 'text', 'bigint', 'bigint'] },
      { types: ['date', 'text', 'bigint', 'bigint'], officeAt: 1 },
      { types: ['date', 'bigint', 'bigint'] },
    ];
    const text = sumsTablesText(sums, [], tables, new Map([['c-1', 'west']]));
    expect(text.map(({ lines, rows }) => [lines.toString(), rows])).toEqual([
      ['2026-01-01\tc-1\t1\t0\n2026-01-01\t\\N\t2\t1\n', 2],
      ['2026-01-01\twest\t1\t0\n2026-01-01\t\\N\t2\t1\n', 2],
      ['2026-01-01\t3\t1\n', 1],
    ]);
  });
});
