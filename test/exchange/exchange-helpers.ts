import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import type { RowProblem } from '../../libs/domain/src';
import { daysAgo, newcomer } from '../support/newcomers';
import { eventually } from '../support/eventually';
import type { TestSystem } from '../support/system';

/** Opens a trajectory through the API and answers its id and the newcomer's national number. */
export async function openTrajectory(
  system: TestSystem,
  overrides: Record<string, unknown> = {},
): Promise<{ trajectoryId: string; nationalNumber: string }> {
  const person = newcomer({ registeredOn: daysAgo(20), ...overrides });
  const { body } = await system.http().post('/trajectories').send(person).expect(201);
  return { trajectoryId: body.trajectoryId, nationalNumber: person.nationalNumber };
}

/** The demo partner system that sends (and alone reads) a partner's imports. */
export function partnerSystem(partner: string): string {
  return partner === 'ACTIRIS' ? 'actiris-system' : 'vdab-system';
}

export function uploadFile(
  system: TestSystem,
  content: string | Buffer,
  contentType = 'text/csv',
  partner = 'VDAB',
  fileName = 'test.csv',
) {
  return system
    .http(partnerSystem(partner))
    .post(`/registration-imports?partner=${partner}&fileName=${fileName}`)
    .set('Content-Type', contentType)
    .send(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
}

export async function importFinished(
  system: TestSystem,
  importId: string,
  timeoutMs = 120_000,
  partner = 'VDAB',
) {
  return eventually(
    async () => {
      const { body } = await system
        .http(partnerSystem(partner))
        .get(`/registration-imports/${importId}`)
        .expect(200);
      if (body.status !== 'COMPLETED')
        throw new Error(`import is ${body.status} (${body.rowsDone}/${body.totalRows})`);
      return body;
    },
    timeoutMs,
    250,
  );
}

export async function problemRows(
  system: TestSystem,
  importId: string,
  partner = 'VDAB',
): Promise<Record<string, string>[]> {
  const response = await system
    .http(partnerSystem(partner))
    .get(`/registration-imports/${importId}/problems`)
    .expect(200);
  expect(response.headers['content-type']).toMatch(/^text\/csv/);
  return parse(response.text, { columns: true });
}

/** An import's problem rows as the JSON report gives them, each problem with its key and parameters. */
export async function problemRowsAsJson(
  system: TestSystem,
  importId: string,
  partner = 'VDAB',
): Promise<{ rowNumber: number; reason: string; problems: RowProblem[] }[]> {
  const response = await system
    .http(partnerSystem(partner))
    .get(`/registration-imports/${importId}/problems`)
    .query({ format: 'json' })
    .expect(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.body.items;
}

export async function registrationEvents(database: DataSource, trajectoryIds?: string[]): Promise<number> {
  const [{ count }] = await database.query(
    `SELECT count(*)::int AS count FROM events WHERE type = 'VdabRegistrationRecorded'
       ${trajectoryIds ? 'AND stream_id = ANY($1::text[])' : ''}`,
    trajectoryIds ? [trajectoryIds] : [],
  );
  return count;
}

/**
 * The events on the given trajectories' streams. A test's "writes nothing" counts these, not the whole table: other
 * test files run beside it and write their own events.
 */
export async function eventsOn(database: DataSource, trajectoryIds: readonly string[]): Promise<number> {
  const [{ count }] = await database.query(
    `SELECT count(*)::int AS count FROM events WHERE stream_id = ANY($1::text[])`,
    [trajectoryIds],
  );
  return count;
}
