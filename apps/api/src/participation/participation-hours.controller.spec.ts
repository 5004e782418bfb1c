/** GET /participation-hours over HTTP, with the read side replaced. */
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { ParticipationHoursTotal } from '../../../../libs/store/src/read-models.types';
import { createValidationPipe } from '../http/validation-errors';
import { asCaller } from '../testing/as-caller';
import { TRAJECTORY_QUERIES } from '../read-models/trajectory-queries.token';
import { ParticipationHoursController } from './participation-hours.controller';
import { ParticipationHoursService } from './participation-hours.service';

const totals: ParticipationHoursTotal[] = [
  { municipality: 'Leuven', kind: 'BUDDY', hours: 12.25, activities: 5, trajectories: 2 },
  { municipality: 'Leuven', kind: 'VOLUNTEERING', hours: 30.5, activities: 4, trajectories: 3 },
];

const MANAGER = { subject: 'manager-gent', role: 'manager', organisation: 'IN_GENT' } as const;

describe('GET /participation-hours', () => {
  let app: INestApplication;
  const participationHours = jest.fn();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [ParticipationHoursController],
      providers: [
        ParticipationHoursService,
        { provide: TRAJECTORY_QUERIES, useValue: { participationHours } },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    asCaller(app, MANAGER);
    app.useGlobalPipes(createValidationPipe());
    await app.init();
  });

  afterAll(() => app.close());

  beforeEach(() => {
    participationHours.mockReset();
    participationHours.mockResolvedValue(totals);
  });

  it('answers the totals per municipality and kind for the filter, with the sums over them', async () => {
    const response = await request(app.getHttpServer())
      .get('/participation-hours')
      .query({ municipality: 'Leuven', from: '2025-01-01', to: '2025-06-30' });

    expect(response.status).toBe(200);
    expect(participationHours).toHaveBeenCalledWith({
      municipality: 'Leuven',
      from: '2025-01-01',
      to: '2025-06-30',
      // The caller's scope goes with the filter, to the SQL.
      scope: { agencies: ['IN_GENT'] },
    });
    expect(response.body).toEqual({
      municipality: 'Leuven',
      from: '2025-01-01',
      to: '2025-06-30',
      items: totals,
      hours: 42.75,
      activities: 9,
    });
  });

  it('asks for every municipality and all time without filters, and answers zero sums when nothing was logged', async () => {
    participationHours.mockResolvedValue([]);

    const response = await request(app.getHttpServer()).get('/participation-hours');

    expect(participationHours).toHaveBeenCalledWith({ scope: { agencies: ['IN_GENT'] } });
    expect(response.body).toEqual({
      municipality: null,
      from: null,
      to: null,
      items: [],
      hours: 0,
      activities: 0,
    });
  });

  it('answers 400 naming the field for a period that ends before it starts, and asks nothing', async () => {
    const response = await request(app.getHttpServer())
      .get('/participation-hours')
      .query({ from: '2025-06-30', to: '2025-01-01' });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'to', detail: 'to must not be before from' }]);
    expect(participationHours).not.toHaveBeenCalled();
  });
});
