import { validateDto, violationsFor } from '../../testing/validate-dto';
import { ParticipationHoursQuery } from './participation-hours.query';

describe('ParticipationHoursQuery', () => {
  it.each([
    [{}, {}],
    [{ municipality: 'Leuven' }, { municipality: 'Leuven' }],
    [
      { municipality: '24062', from: '2025-01-01', to: '2025-03-31' },
      { municipality: '24062', from: '2025-01-01', to: '2025-03-31' },
    ],
    [
      { from: '2025-01-01', to: '2025-01-01' },
      { from: '2025-01-01', to: '2025-01-01' },
    ],
  ])('turns %j into the store filter', async (query, filter) => {
    expect((await validateDto(ParticipationHoursQuery, query, 'query')).toFilter()).toEqual(filter);
  });

  it('refuses malformed dates and a period that ends before it starts', async () => {
    expect(
      await violationsFor(ParticipationHoursQuery, { from: '2025-13-01', to: '2026-02-30' }, 'query'),
    ).toEqual([
      { field: 'from', reason: 'from must be a real date written YYYY-MM-DD' },
      { field: 'to', reason: 'to must be a real date written YYYY-MM-DD' },
    ]);
    expect(
      await violationsFor(ParticipationHoursQuery, { from: '2025-03-01', to: '2025-02-28' }, 'query'),
    ).toEqual([{ field: 'to', reason: 'to must not be before from' }]);
  });

  it('refuses an empty or overlong municipality and unknown parameters', async () => {
    expect(await violationsFor(ParticipationHoursQuery, { municipality: '' }, 'query')).toEqual([
      { field: 'municipality', reason: 'municipality should not be empty' },
    ]);
    expect(await violationsFor(ParticipationHoursQuery, { municipality: 'm'.repeat(201) }, 'query')).toEqual([
      { field: 'municipality', reason: 'municipality must be shorter than or equal to 200 characters' },
    ]);
    expect(await violationsFor(ParticipationHoursQuery, { agency: 'AGII' }, 'query')).toEqual([
      { field: 'agency', reason: 'property agency should not exist' },
    ]);
  });
});
