import { validateDto, violationsFor } from '../../testing/validate-dto';
import { CaseloadQuery, caseloadFilterOf, WholeCaseloadQuery } from './caseload.query';

describe('CaseloadQuery', () => {
  it.each([
    [{ counsellorId: 'c-17' }, { counsellorId: 'c-17', limit: 50, offset: 0 }],
    [{ agency: 'ATLAS' }, { agency: 'ATLAS', limit: 50, offset: 0 }],
    [
      { counsellorId: 'c-17', agency: 'IN_GENT', limit: '10', offset: '20' },
      { counsellorId: 'c-17', agency: 'IN_GENT', limit: 10, offset: 20 },
    ],
    [
      { agency: 'AGII', attention: 'DUE_SOON', status: 'SUSPENDED' },
      { agency: 'AGII', attention: 'DUE_SOON', status: 'SUSPENDED', limit: 50, offset: 0 },
    ],
  ])('turns %j into the store filter, first page of 50 by default', async (query, filter) => {
    expect((await validateDto(CaseloadQuery, query, 'query')).toFilter()).toEqual(filter);
  });

  it('refuses a query without counsellorId or agency, naming the missing filter once', async () => {
    expect(await violationsFor(CaseloadQuery, {}, 'query')).toEqual([
      { field: 'agency', reason: 'counsellorId or agency is required' },
    ]);
    expect(await violationsFor(CaseloadQuery, { limit: '5' }, 'query')).toEqual([
      { field: 'agency', reason: 'counsellorId or agency is required' },
    ]);
  });

  it('refuses an unknown agency, also next to a counsellor', async () => {
    const unknownAgency = {
      field: 'agency',
      reason: 'agency must be one of the following values: AGII, ATLAS, IN_GENT',
    };

    expect(await violationsFor(CaseloadQuery, { agency: 'VDAB' }, 'query')).toEqual([unknownAgency]);
    expect(await violationsFor(CaseloadQuery, { agency: 'VDAB', counsellorId: 'c-17' }, 'query')).toEqual([
      unknownAgency,
    ]);
  });

  it('refuses an empty or overlong counsellorId', async () => {
    expect(await violationsFor(CaseloadQuery, { counsellorId: '' }, 'query')).toEqual([
      { field: 'counsellorId', reason: 'counsellorId should not be empty' },
    ]);
    expect(await violationsFor(CaseloadQuery, { counsellorId: 'c'.repeat(101) }, 'query')).toEqual([
      { field: 'counsellorId', reason: 'counsellorId must be shorter than or equal to 100 characters' },
    ]);
  });

  it.each([
    [{ limit: '0' }, { field: 'limit', reason: 'limit must not be less than 1' }],
    [{ limit: '501' }, { field: 'limit', reason: 'limit must not be greater than 500' }],
    [{ limit: 'all' }, { field: 'limit', reason: 'limit must be an integer number' }],
    [{ offset: '-1' }, { field: 'offset', reason: 'offset must not be less than 0' }],
    [{ offset: '1.5' }, { field: 'offset', reason: 'offset must be an integer number' }],
  ])('refuses the page %j', async (page, violation) => {
    expect(await violationsFor(CaseloadQuery, { agency: 'AGII', ...page }, 'query')).toContainEqual(
      violation,
    );
  });

  it.each([
    [
      { attention: 'LATE' },
      {
        field: 'attention',
        reason: 'attention must be one of the following values: OVERDUE, DUE_SOON, WAITING_FOR_ME, ON_TRACK',
      },
    ],
    [
      { status: 'CLOSED' },
      { field: 'status', reason: 'status must be one of the following values: OPEN, SUSPENDED' },
    ],
  ])('refuses the filter %j, naming the field and its values', async (query, violation) => {
    expect(await violationsFor(CaseloadQuery, { agency: 'AGII', ...query }, 'query')).toEqual([violation]);
  });

  it('refuses unknown query parameters', async () => {
    expect(await violationsFor(CaseloadQuery, { agency: 'AGII', phase: 'REGISTERED' }, 'query')).toEqual([
      { field: 'phase', reason: 'property phase should not exist' },
    ]);
  });
});

describe('WholeCaseloadQuery', () => {
  it('takes the filters of a page without its paging', async () => {
    const query = await validateDto(WholeCaseloadQuery, { agency: 'AGII', attention: 'OVERDUE' }, 'query');
    expect(caseloadFilterOf(query)).toEqual({ agency: 'AGII', attention: 'OVERDUE' });
  });

  it('refuses what a page refuses, and a page’s limit and offset', async () => {
    expect(await violationsFor(WholeCaseloadQuery, {}, 'query')).toEqual([
      { field: 'agency', reason: 'counsellorId or agency is required' },
    ]);
    expect(await violationsFor(WholeCaseloadQuery, { agency: 'AGII', status: 'CLOSED' }, 'query')).toEqual([
      { field: 'status', reason: 'status must be one of the following values: OPEN, SUSPENDED' },
    ]);
    expect(
      await violationsFor(WholeCaseloadQuery, { agency: 'AGII', limit: '10', offset: '0' }, 'query'),
    ).toEqual([
      { field: 'limit', reason: 'property limit should not exist' },
      { field: 'offset', reason: 'property offset should not exist' },
    ]);
  });
});
