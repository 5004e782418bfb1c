import { UnprocessableEntityException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type {
  CaseloadEntry,
  CaseloadFilter,
  TrajectoryQueries,
} from '../../../../libs/store/src/read-models.types';
import { problemOfHttpException } from '../http/problem-details.filter';
import { CaseloadService, WHOLE_CASELOAD_MAX } from './caseload.service';
import { WholeCaseloadQuery } from './dto/caseload.query';

/** How the service asks the store for a whole caseload and answers when it is too large (the query: store tests). */
describe('CaseloadService.whole', () => {
  const query = plainToInstance(WholeCaseloadQuery, { agency: 'AGII', attention: 'OVERDUE' });
  const scope = { agencies: ['AGII' as const] };
  const serviceAnswering = (answer: CaseloadEntry[] | null) => {
    const asked: { filter: CaseloadFilter; atMost: number }[] = [];
    const queries = {
      wholeCaseload: async (filter: CaseloadFilter, atMost: number) => {
        asked.push({ filter, atMost });
        return answer;
      },
    } as Partial<TrajectoryQueries> as TrajectoryQueries;
    return { service: new CaseloadService(queries), asked };
  };

  it('asks for the filters within the scope on today, bounded by WHOLE_CASELOAD_MAX, and counts the answer', async () => {
    const { service, asked } = serviceAnswering([{ trajectoryId: 't-1' } as CaseloadEntry]);
    expect(await service.whole(query, scope)).toEqual({ items: [{ trajectoryId: 't-1' }], total: 1 });
    expect(asked).toEqual([
      {
        filter: {
          agency: 'AGII',
          attention: 'OVERDUE',
          scope,
          today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        },
        atMost: WHOLE_CASELOAD_MAX,
      },
    ]);
  });

  it('answers 422 as a list too large, with its limit, saying how to narrow it, when the caseload holds more', async () => {
    const { service } = serviceAnswering(null);
    const refused = await service.whole(query, scope).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnprocessableEntityException);
    expect(problemOfHttpException(refused as UnprocessableEntityException)).toEqual({
      type: 'urn:inburgering:problem:list-too-large',
      title: 'The list holds more rows than one answer gives',
      status: 422,
      detail: expect.stringMatching(/more than 50000 cases.*narrow it by counsellorId, attention or status/),
      limit: WHOLE_CASELOAD_MAX,
    });
  });
});
