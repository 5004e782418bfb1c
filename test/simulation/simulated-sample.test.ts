import { TrajectoryCommand } from '../../libs/domain/src';
import {
  DEFAULT_SIMULATION,
  driveTrajectory,
  planNewcomer,
  SimulatedNewcomerPlan,
} from '../../libs/domain/src/simulation';
import { endOfDayInstant } from '../../libs/domain/src/time/calendar-date';
import { eventually } from '../support/eventually';
import { startTestSystem, TestSystem } from '../support/system';
import { COUNSELLOR_OF } from '../trajectory/rules-helpers';

/** The API route of each command the simulation gives, and its body (the command without its type). */
function route(command: TrajectoryCommand): { path: string; body: object } {
  const { type: _type, ...body } = command;
  const paths: Partial<Record<TrajectoryCommand['type'], string>> = {
    RecordIntake: 'intake',
    RecordContract: 'contract',
    RecordVdabRegistration: 'vdab-registration',
    CloseTrajectory: 'closure',
    SuspendTrajectory: 'suspension',
    ResumeTrajectory: 'resumption',
    EnrolInMoCourse: 'mo/enrolments',
    RecordMoTestResult: 'mo/test-results',
    ReferToNt2Course: 'nt2/referrals',
    EnrolInNt2Course: 'nt2/enrolments',
    RecordNt2TestResult: 'nt2/test-results',
    LogParticipationActivity: 'participation/activities',
  };
  const path = paths[command.type];
  if (!path) throw new Error(`no route for ${command.type}`);
  return { path, body };
}

/**
 * A sample of the simulated year through the real workflows (issue 9 §6): the same commands over HTTP, decided by the
 * trajectory workflows, end where the domain-only simulation ends them. The workflow decides at workflow time (today),
 * so its deadlines of the past expire as soon as they are set: the order of "missed" and "met" differs, the outcome
 * (pillars, the VDAB deadline, violation files still standing, attest or not) does not.
 */
describe('a sample of the simulated year through the real workflows', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  const sample: SimulatedNewcomerPlan[] = [];
  for (let index = 0; sample.length < 3; index += 1) {
    const plan = planNewcomer(DEFAULT_SIMULATION, index);
    const types = plan.commands.map((timed) => timed.command.type);
    if (
      types.includes('RecordContract') &&
      !types.includes('SuspendTrajectory') &&
      plan.targetGroup !== 'UNDETERMINED'
    )
      sample.push(plan);
  }

  it.each(sample.map((plan) => [plan.index, plan.targetGroup, plan]))(
    'newcomer %i (%s) ends where the simulation ends',
    async (_index, _group, plan) => {
      const counsellor = COUNSELLOR_OF[plan.agency];
      const until = endOfDayInstant(DEFAULT_SIMULATION.followUntil);
      const simulated = driveTrajectory(plan.commands, until);
      const [open, ...rest] = plan.commands.map((timed) => timed.command);
      if (open.type !== 'OpenTrajectory') throw new Error('a plan starts with the opening');
      const { body: opened } = await system
        .http(counsellor)
        .post('/trajectories')
        .send({
          ...open.newcomer,
          agency: open.agency,
          counsellorId: open.counsellorId,
          registeredOn: open.registeredOn,
          ...(open.targetGroupFacts ? { targetGroupFacts: open.targetGroupFacts } : {}),
        })
        .expect(201);
      const id = opened.trajectoryId as string;
      const refusedBySimulation = new Set(simulated.rejected.map((rejected) => rejected.at));
      for (const [position, command] of rest.entries()) {
        const { path, body } = route(command);
        const response = await system.http(counsellor).post(`/trajectories/${id}/${path}`).send(body);
        const refused = refusedBySimulation.has(plan.commands[position + 1].at);
        expect([
          command.type,
          response.status < 300,
          response.status < 300 ? '' : response.body.detail,
        ]).toEqual([command.type, !refused, refused ? response.body.detail : '']);
      }
      const expected = simulated.state!;
      await eventually(async () => {
        const { body: view } = await system.http(counsellor).get(`/trajectories/${id}`).expect(200);
        expect({
          status: view.status,
          pillars: view.pillars
            .map((pillar: { pillar: string; status: string }) => `${pillar.pillar} ${pillar.status}`)
            .sort(),
          deadlines: view.deadlines
            .map((deadline: { kind: string; state: string }) => `${deadline.kind} ${deadline.state}`)
            .sort(),
          standingViolations: view.violations.filter(
            (violation: { state: string }) => violation.state !== 'WITHDRAWN',
          ).length,
          attest: Boolean(view.attest?.attestNumber),
        }).toEqual({
          status: expected.status,
          pillars: Object.entries(expected.pillars ?? {})
            .map(([pillar, state]) => `${pillar} ${state.status}`)
            .sort(),
          deadlines: expected.deadlines.map((deadline) => `${deadline.kind} ${deadline.state}`).sort(),
          standingViolations: expected.violations.filter((violation) => violation.state !== 'WITHDRAWN')
            .length,
          attest: expected.attest !== undefined,
        });
      });
    },
  );
});
