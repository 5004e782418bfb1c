import { calendarDateAt } from '../../../../../libs/domain/src';
import { validateDto, violationsFor } from '../../testing/validate-dto';
import { DeadlineCasesQuery, DeadlineCountsQuery, DeadlineTrendQuery } from './monitoring.query';

describe('monitoring queries', () => {
  it('group by agency, as of today in Brussels, without filters by default', async () => {
    const query = await validateDto(DeadlineCountsQuery, {}, 'query');
    expect(query.groupBy).toBe('agency');
    expect(query.toFilter()).toEqual({ asOn: calendarDateAt(Date.now()) });
  });

  it('turn the query string into the store filter, naming the office and counsellor as the store does', async () => {
    const query = await validateDto(
      DeadlineTrendQuery,
      {
        agency: 'IN_GENT',
        office: 'gent-noord',
        counsellor: 'counsellor-gent-2',
        municipality: 'Gent',
        kind: 'VDAB_REGISTRATION',
        asOn: '2026-06-15',
        weeks: '26',
        groupBy: 'counsellor',
      },
      'query',
    );
    expect([query.weeks, query.groupBy]).toEqual([26, 'counsellor']);
    expect(query.toFilter()).toEqual({
      asOn: '2026-06-15',
      agency: 'IN_GENT',
      officeId: 'gent-noord',
      counsellorId: 'counsellor-gent-2',
      municipality: 'Gent',
      kind: 'VDAB_REGISTRATION',
    });
  });

  it('name every bad parameter', async () => {
    expect(
      (
        await violationsFor(
          DeadlineCountsQuery,
          { groupBy: 'team', asOn: '2026-02-30', office: 'Gent Noord', format: 'xlsx' },
          'query',
        )
      )
        .map((violation) => violation.field)
        .sort(),
    ).toEqual(['asOn', 'format', 'groupBy', 'office']);
    expect((await violationsFor(DeadlineTrendQuery, { weeks: '105' }, 'query')).map((v) => v.field)).toEqual([
      'weeks',
    ]);
    expect(
      (await violationsFor(DeadlineCasesQuery, { limit: '0' }, 'query')).map((v) => v.field).sort(),
    ).toEqual(['bucket', 'limit']);
  });
});
