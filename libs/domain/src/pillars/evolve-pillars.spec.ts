import { Nt2CourseEnrolled, trajectoryEvent } from '../trajectory/events';
import { NOW, referToNt2Course, run, trajectoryAt } from '../trajectory/trajectory.fixtures';
import { evolvePillars } from './evolve-pillars';
import { PillarStates } from './pillar-state';

const enrolled = trajectoryEvent<Nt2CourseEnrolled>(
  'Nt2CourseEnrolled',
  { provider: 'CVO Gent', course: 'Nederlands 1.1', level: 'A2', enrolledOn: '2026-05-11' as never },
  NOW,
);

describe('evolvePillars', () => {
  it('applies an NT2 enrolment to pillars carried over from before enrolments existed (continue-as-new input)', () => {
    const pillars = run([referToNt2Course('2026-05-04')], NOW, trajectoryAt('CONTRACT_SIGNED')).state
      .pillars!;
    const { enrolments: _dropped, ...nt2WithoutEnrolments } = pillars.NT2;
    const carriedOver = { ...pillars, NT2: nt2WithoutEnrolments } as unknown as PillarStates;

    expect(evolvePillars(carriedOver, enrolled)?.NT2.enrolments).toEqual([enrolled.data]);
  });

  it('refuses a pillar event before the pillars are determined', () => {
    expect(() => evolvePillars(undefined, enrolled)).toThrow(
      'cannot apply Nt2CourseEnrolled before PillarsDetermined',
    );
  });
});
