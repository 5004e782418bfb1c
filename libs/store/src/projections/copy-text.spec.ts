import { CopyText } from './copy-text';

describe('CopyText: rows as lines of COPY text', () => {
  const text = new CopyText([
    { property: 'id', type: 'text' },
    { property: 'hours', type: 'numeric' },
    { property: 'at', type: 'timestamptz' },
    { property: 'on', type: 'date' },
    { property: 'done', type: 'boolean' },
    { property: 'details', type: 'jsonb' },
    { property: 'state', type: 'json' },
  ]);

  it('writes each column in order, tab-separated, null as \\N', () => {
    expect(
      text.lines([
        {
          id: 't-1',
          hours: 2.5,
          at: new Date('2026-03-01T10:00:00Z'),
          on: '2026-03-01',
          done: true,
          details: { a: 1 },
          state: null,
        },
      ]),
    ).toBe('t-1\t2.5\t2026-03-01T10:00:00.000Z\t2026-03-01\tt\t{"a":1}\t\\N\n');
  });

  it("escapes COPY's special characters in text, and only backslashes in JSON (JSON escapes the others itself)", () => {
    const lines = text.lines([
      {
        id: 'a\\b\tc\nd\re',
        on: 'x\ty',
        details: { note: 'line\nbreak\\ and tab\t' },
        state: ['\\'],
      },
    ]);
    expect(lines).toBe(
      'a\\\\b\\tc\\nd\\re\t\\N\t\\N\tx\\ty\t\\N\t{"note":"line\\\\nbreak\\\\\\\\ and tab\\\\t"}\t["\\\\\\\\"]\n',
    );
  });
});
