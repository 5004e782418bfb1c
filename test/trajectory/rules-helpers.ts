import { TargetGroupFacts } from '../../libs/domain/src';
import { EventStore } from '../../libs/store/src';
import { daysAgo, newcomer } from '../support/newcomers';
import { DEFAULT_TEST_IDENTITY, TestSystem } from '../support/system';

/** The demo counsellor of each agency (libs/identity/src/demo-identities.ts): a counsellor sees only their own. */
export const COUNSELLOR_OF: Readonly<Record<string, string>> = {
  IN_GENT: 'counsellor-gent',
  AGII: 'counsellor-agii',
  ATLAS: 'counsellor-atlas',
};

export function counsellorOf(agency: string): string {
  const identity = COUNSELLOR_OF[agency];
  if (!identity) throw new Error(`no demo counsellor for agency "${agency}"`);
  return identity;
}

/**
 * Shared steps of the rules' end-to-end tests: every command goes over HTTP to the real workflow, as the counsellor
 * of the agency that owns the trajectory (`handOver` after a transfer).
 */
export function ruleSteps(system: TestSystem) {
  const counsellors = new Map<string, string>();
  const counsellorFor = (trajectoryId: string) => counsellors.get(trajectoryId) ?? DEFAULT_TEST_IDENTITY;

  async function open(
    registeredDaysAgo: number,
    targetGroupFacts?: TargetGroupFacts,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const person = newcomer(overrides);
    const identity = counsellorOf(person.agency as string);
    const { body } = await system
      .http(identity)
      .post('/trajectories')
      .send({
        ...person,
        registeredOn: daysAgo(registeredDaysAgo),
        ...(targetGroupFacts ? { targetGroupFacts } : {}),
      })
      .expect(201);
    const { trajectoryId } = body as { trajectoryId: string };
    counsellors.set(trajectoryId, identity);
    return trajectoryId;
  }

  /** After a transfer: the receiving agency's counsellor acts on the trajectory from now on. */
  const handOver = (trajectoryId: string, agency: string) =>
    counsellors.set(trajectoryId, counsellorOf(agency));

  const post = (trajectoryId: string, path: string, body: object) =>
    system.http(counsellorFor(trajectoryId)).post(`/trajectories/${trajectoryId}/${path}`).send(body);

  async function signContract(trajectoryId: string, signedDaysAgo: number, profile?: object): Promise<void> {
    await post(trajectoryId, 'intake', {
      intakeOn: daysAgo(signedDaysAgo + 1),
      ...(profile ? { profile } : {}),
    }).expect(200);
    await post(trajectoryId, 'contract', { signedOn: daysAgo(signedDaysAgo) }).expect(200);
  }

  const view = async (trajectoryId: string) =>
    (await system.http(counsellorFor(trajectoryId)).get(`/trajectories/${trajectoryId}`).expect(200)).body;

  const streamLength = async (trajectoryId: string) =>
    (await new EventStore(system.database).readStream(trajectoryId)).length;

  const kindsAndStates = (items: { kind: string; state: string }[]) =>
    items.map((item) => [item.kind, item.state]);

  return { open, post, signContract, view, streamLength, kindsAndStates, handOver, counsellorFor };
}
