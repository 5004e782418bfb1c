import { validateDto, violationsFor } from '../../testing/validate-dto';
import { ListViolationsQuery } from './list-violations.query';

describe('ListViolationsQuery', () => {
  it('defaults to the first page of 50 with no filter', async () => {
    expect((await validateDto(ListViolationsQuery, {}, 'query')).toFilter()).toEqual({
      limit: 50,
      offset: 0,
    });
  });

  it('converts the query string and keeps only the filters given', async () => {
    const query = await validateDto(
      ListViolationsQuery,
      { state: 'OPEN', kind: 'REFUSAL_TO_SIGN', agency: 'IN_GENT', limit: '25', offset: '50' },
      'query',
    );
    expect(query.toFilter()).toEqual({
      state: 'OPEN',
      kind: 'REFUSAL_TO_SIGN',
      agency: 'IN_GENT',
      limit: 25,
      offset: 50,
    });
  });

  it('names each malformed filter', async () => {
    expect(
      await violationsFor(
        ListViolationsQuery,
        { state: 'PENDING', kind: 'LATE', agency: 'VDAB', offset: '-1' },
        'query',
      ),
    ).toEqual([
      { field: 'state', reason: 'state must be one of the following values: OPEN, DECIDED, WITHDRAWN' },
      {
        field: 'kind',
        reason:
          'kind must be one of the following values: VDAB_REGISTRATION_DEADLINE_MISSED, AGENCY_REGISTRATION_DEADLINE_MISSED, FOLLOW_UP_DEADLINE_MISSED, REFUSAL_TO_SIGN, IRREGULAR_ATTENDANCE',
      },
      { field: 'agency', reason: 'agency must be one of the following values: AGII, ATLAS, IN_GENT' },
      { field: 'offset', reason: 'offset must not be less than 0' },
    ]);
  });
});
