import { addMonths, calendarDate } from '../../libs/domain/src';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, thirdCountryNewcomerFacts } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { ruleSteps } from './rules-helpers';

/**
 * The three months to report to an agency run from the agency's registered letter (Verplichting tot inburgering
 * §Aanmelden, docs/sources.md), not from the first registration in the national register.
 */
describe("the agency's registered letter starts the three months", () => {
  let system: TestSystem;
  let steps: ReturnType<typeof ruleSteps>;

  beforeAll(async () => {
    system = await startTestSystem();
    steps = ruleSteps(system);
  });
  afterAll(() => system?.close());

  /** Obliged since three years ago: registered years after the obligation arose. */
  const registeredYearsLate = () => steps.open(5, thirdCountryNewcomerFacts(daysAgo(3 * 365)));

  it('registered years after the obligation arose, without a letter: no deadline, no late-registration file', async () => {
    const trajectoryId = await registeredYearsLate();
    const view = await steps.view(trajectoryId);
    expect(view.targetGroup).toMatchObject({ status: 'OBLIGED' });
    expect(view.deadlines).toEqual([]);
    expect(view.violations).toEqual([]);
  });

  it('a letter sent a month before the registration: the deadline runs from it and was met', async () => {
    const trajectoryId = await registeredYearsLate();
    await steps
      .post(trajectoryId, 'agency-letter', { sentOn: daysAgo(35), sendingAgency: 'IN_GENT' })
      .expect(200);
    const view = await steps.view(trajectoryId);
    expect(view.deadlines).toEqual([
      expect.objectContaining({
        kind: 'AGENCY_REGISTRATION',
        state: 'MET',
        dueOn: addMonths(calendarDate(daysAgo(35)), 3),
        source: expect.stringMatching(/registered letter/),
      }),
    ]);
    expect(view.violations).toEqual([]);
    const again = await steps.post(trajectoryId, 'agency-letter', {
      sentOn: daysAgo(30),
      sendingAgency: 'IN_GENT',
    });
    expect(again.status).toBe(409);
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });

  it('a letter sent more than three months before the registration: missed, and a file for the officer', async () => {
    const trajectoryId = await registeredYearsLate();
    await steps
      .post(trajectoryId, 'agency-letter', { sentOn: daysAgo(150), sendingAgency: 'AGII' })
      .expect(200);
    const view = await steps.view(trajectoryId);
    expect(steps.kindsAndStates(view.deadlines)).toEqual([['AGENCY_REGISTRATION', 'MISSED']]);
    expect(steps.kindsAndStates(view.violations)).toEqual([['AGENCY_REGISTRATION_DEADLINE_MISSED', 'OPEN']]);
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });

  it('a letter with a bad agency or date is refused and changes nothing', async () => {
    const trajectoryId = await registeredYearsLate();
    const before = await steps.streamLength(trajectoryId);
    const bad = await steps.post(trajectoryId, 'agency-letter', {
      sentOn: '2026-02-30',
      sendingAgency: 'VDAB',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/sentOn/);
    expect(JSON.stringify(bad.body)).toMatch(/sendingAgency/);
    expect(await steps.streamLength(trajectoryId)).toBe(before);
  });
});
