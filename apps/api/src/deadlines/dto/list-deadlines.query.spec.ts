import { validateDto, violationsFor } from '../../testing/validate-dto';
import { ListDeadlinesQuery } from './list-deadlines.query';

describe('ListDeadlinesQuery', () => {
  it('defaults to the first page of 50', async () => {
    const query = await validateDto(ListDeadlinesQuery, {}, 'query');

    expect(query.toFilter()).toEqual({ limit: 50, offset: 0 });
  });

  it('converts the query string and keeps only the filters given', async () => {
    const query = await validateDto(
      ListDeadlinesQuery,
      {
        state: 'OPEN',
        kind: 'VDAB_REGISTRATION',
        agency: 'ATLAS',
        dueFrom: '2025-01-01',
        dueTo: '2025-01-31',
        limit: '10',
        offset: '20',
      },
      'query',
    );

    expect(query.toFilter()).toEqual({
      state: 'OPEN',
      kind: 'VDAB_REGISTRATION',
      agency: 'ATLAS',
      dueFrom: '2025-01-01',
      dueTo: '2025-01-31',
      limit: 10,
      offset: 20,
    });
  });

  it.each([
    ['0', 'limit must not be less than 1'],
    ['501', 'limit must not be greater than 500'],
    ['ten', 'limit must be an integer number'],
  ])('refuses limit=%s', async (limit, reason) => {
    expect(await violationsFor(ListDeadlinesQuery, { limit }, 'query')).toContainEqual({
      field: 'limit',
      reason,
    });
  });

  it('refuses unknown states, malformed dates and an inverted range', async () => {
    expect(
      await violationsFor(
        ListDeadlinesQuery,
        { state: 'LATE', dueFrom: '2025-02-01', dueTo: '2025-01-31', offset: '-1' },
        'query',
      ),
    ).toEqual([
      {
        field: 'state',
        reason: 'state must be one of the following values: OPEN, MET, MISSED, SUSPENDED, WAIVED',
      },
      { field: 'dueTo', reason: 'dueTo must not be before dueFrom' },
      { field: 'offset', reason: 'offset must not be less than 0' },
    ]);
    expect(await violationsFor(ListDeadlinesQuery, { dueFrom: '1 jan' }, 'query')).toEqual([
      { field: 'dueFrom', reason: 'dueFrom must be a real date written YYYY-MM-DD' },
    ]);
  });
});
