import { TargetGroupFacts } from '../../libs/domain/src';
import { EventStore } from '../../libs/store/src';
import { daysAgo, newcomer } from '../support/newcomers';
import { TestSystem } from '../support/system';

/** Shared steps of the rules' end-to-end tests: every command goes over HTTP to the real workflow. */
export function ruleSteps(system: TestSystem) {
  async function open(
    registeredDaysAgo: number,
    targetGroupFacts?: TargetGroupFacts,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const { body } = await system
      .http()
      .post('/trajectories')
      .send({
        ...newcomer(overrides),
        registeredOn: daysAgo(registeredDaysAgo),
        ...(targetGroupFacts ? { targetGroupFacts } : {}),
      })
      .expect(201);
    return (body as { trajectoryId: string }).trajectoryId;
  }

  const post = (trajectoryId: string, path: string, body: object) =>
    system.http().post(`/trajectories/${trajectoryId}/${path}`).send(body);

  async function signContract(trajectoryId: string, signedDaysAgo: number, profile?: object): Promise<void> {
    await post(trajectoryId, 'intake', {
      intakeOn: daysAgo(signedDaysAgo + 1),
      ...(profile ? { profile } : {}),
    }).expect(200);
    await post(trajectoryId, 'contract', { signedOn: daysAgo(signedDaysAgo) }).expect(200);
  }

  const view = async (trajectoryId: string) =>
    (await system.http().get(`/trajectories/${trajectoryId}`).expect(200)).body;

  const streamLength = async (trajectoryId: string) =>
    (await new EventStore(system.database).readStream(trajectoryId)).length;

  const kindsAndStates = (items: { kind: string; state: string }[]) =>
    items.map((item) => [item.kind, item.state]);

  return { open, post, signContract, view, streamLength, kindsAndStates };
}
