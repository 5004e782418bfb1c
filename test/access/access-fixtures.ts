import { daysAgo, newcomer } from '../support/newcomers';
import type { TestSystem } from '../support/system';

export interface Case {
  trajectoryId: string;
  nationalNumber: string;
  birthDate: string;
}

/**
 * A trajectory of an agency with its contract signed (so the pillars, the work pillar among them, apply), opened
 * and advanced by that agency's demo counsellor.
 */
export async function caseOf(
  system: TestSystem,
  counsellor: string,
  overrides: { agency: string; municipality: string },
): Promise<Case> {
  const person = newcomer({ registeredOn: daysAgo(40), ...overrides });
  const opened = await system.http(counsellor).post('/trajectories').send(person).expect(201);
  const { trajectoryId } = opened.body as { trajectoryId: string };
  await system
    .http(counsellor)
    .post(`/trajectories/${trajectoryId}/intake`)
    .send({ intakeOn: daysAgo(30) })
    .expect(200);
  await system
    .http(counsellor)
    .post(`/trajectories/${trajectoryId}/contract`)
    .send({ signedOn: daysAgo(20) })
    .expect(200);
  return {
    trajectoryId,
    nationalNumber: person.nationalNumber as string,
    birthDate: person.birthDate as string,
  };
}
