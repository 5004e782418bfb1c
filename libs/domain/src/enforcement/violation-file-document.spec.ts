import {
  OBLIGED_FACTS,
  openTrajectory,
  recordFineDecision,
  reportViolation,
  run,
} from '../trajectory/trajectory.fixtures';
import { violationFileDocument } from './violation-file-document';

const refused = () =>
  run([
    openTrajectory({ targetGroupFacts: OBLIGED_FACTS }),
    reportViolation('REFUSAL_TO_SIGN', '2026-04-20', 'refused to sign'),
    reportViolation('REFUSAL_TO_SIGN', '2026-04-21', 'refused again'),
  ]);

describe('the violation file as a document', () => {
  it('has the person, the obligation with its rule, the facts, the deadlines with source, and its own events', () => {
    const { state, events } = refused();
    const document = violationFileDocument(state, events, 'trj-0001:violation:1')!;
    expect(Object.keys(document.person).sort()).toEqual([
      'familyName',
      'givenName',
      'municipality',
      'nationalNumber',
    ]);
    expect(document.violation).toMatchObject({
      violationId: 'trj-0001:violation:1',
      kind: 'REFUSAL_TO_SIGN',
      state: 'OPEN',
      facts: 'Observed on 2026-04-20: refused to sign',
      decision: null,
    });
    expect(document.obligation).toMatchObject({
      targetGroupStatus: 'OBLIGED',
      rule: { id: expect.any(String), source: expect.stringMatching(/\S/) },
      contract: null,
      fineRange: null,
    });
    for (const deadline of document.deadlines) expect(deadline.source).toMatch(/\S/);
    const opened = document.events.filter((event) => event.type === 'ViolationOpened');
    // The other file's opening belongs to its own document.
    expect(opened).toHaveLength(1);
    expect(document.events[0].type).toBe('TrajectoryOpened');
    expect(JSON.stringify(document)).not.toMatch(/birthDate|counsellorId|pillars/);
  });

  it('carries the decision once taken, and is undefined for a file the trajectory does not have', () => {
    const decided = run(
      [recordFineDecision('trj-0001:violation:1', 'FINE', '2026-06-15', 150)],
      undefined,
      refused(),
    );
    expect(
      violationFileDocument(decided.state, decided.events, 'trj-0001:violation:1')?.violation,
    ).toMatchObject({
      state: 'DECIDED',
      decision: { decision: 'FINE', amountEuro: 150, decidedOn: '2026-06-15' },
    });
    expect(violationFileDocument(decided.state, decided.events, 'trj-0001:violation:9')).toBeUndefined();
  });
});
