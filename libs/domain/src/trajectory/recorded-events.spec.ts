import { calendarDate } from '../time/calendar-date';
import { DeadlineSet, TrajectoryEvent, trajectoryEvent, TrajectoryTransferred } from './events';
import { fold, TrajectoryState } from './state';
import { NOW, OBLIGED_FACTS, openTrajectory, recordAgencyLetter, run } from './trajectory.fixtures';

/**
 * Trajectories already running keep what they were given: events recorded before the rules of issue 12 (no
 * letter, no municipality on a transfer, NT2 results without skills) fold as they did.
 */
describe('events recorded before the rules changed', () => {
  const opened = () => run([openTrajectory({ targetGroupFacts: OBLIGED_FACTS })], NOW);
  const d = calendarDate;

  it('a reporting deadline counted from the start of the obligation stays as recorded, even without a letter', () => {
    const { events } = opened();
    const old: TrajectoryEvent[] = [
      trajectoryEvent<DeadlineSet>(
        'DeadlineSet',
        {
          deadlineId: 'trj-0001:AGENCY_REGISTRATION',
          kind: 'AGENCY_REGISTRATION',
          dueOn: d('2026-05-15'),
          anchor: 'OBLIGATION_START',
          anchorOn: d('2026-02-15'),
          policyVersion: '2023',
          source: 'public: 3 months of the start of the obligation',
        },
        NOW,
      ),
      trajectoryEvent(
        'DeadlineMet',
        { deadlineId: 'trj-0001:AGENCY_REGISTRATION', kind: 'AGENCY_REGISTRATION', metOn: d('2026-03-02') },
        NOW,
      ),
    ];
    const state = fold([...events, ...old]) as TrajectoryState;
    expect(state.deadlines).toEqual([
      expect.objectContaining({ kind: 'AGENCY_REGISTRATION', state: 'MET', dueOn: '2026-05-15' }),
    ]);
    // a letter recorded later sets no second deadline
    const { events: after } = run([recordAgencyLetter('2026-02-20')], NOW, {
      state,
      events: [...events, ...old],
    });
    expect(after.at(-1)?.type).toBe('AgencyLetterRecorded');
  });

  it('a transfer recorded without a municipality changes the agency and keeps the municipality', () => {
    const { events } = opened();
    const transferred = trajectoryEvent<TrajectoryTransferred>(
      'TrajectoryTransferred',
      { fromAgency: 'IN_GENT', toAgency: 'ATLAS', transferredOn: d('2026-06-01') },
      NOW,
    );
    const state = fold([...events, transferred]) as TrajectoryState;
    expect(state).toMatchObject({ agency: 'ATLAS', newcomer: { municipality: 'Gent' } });
    expect(state.residence).toBeUndefined();
  });
});
