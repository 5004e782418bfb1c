import { fold, TrajectoryEvent, TrajectoryState } from '../../../domain/src';
import {
  expireAt,
  FIRST_VIOLATION_ID,
  recordFineDecision,
  recordVdabRegistration,
  run,
  suspendTrajectory,
  trajectoryAt,
  transferTrajectory,
  VDAB_DEADLINE_ID,
} from '../../../domain/src/trajectory/trajectory.fixtures';
import { deadlines } from './deadlines.projection';
import type { FoldedStream } from './projection';
import { newcomerHoldOf, trajectorySummaries } from './trajectory-summary.projection';
import { violations } from './violations.projection';

const AT = new Date('2026-06-15T10:00:00Z');
const stream = (state: TrajectoryState): FoldedStream => ({
  streamId: 'trj-0001',
  state,
  lastOccurredAt: AT,
});
const summary = (state: TrajectoryState) => trajectorySummaries.rows(stream(state))[0];

describe('read models are mappings of the folded state', () => {
  it('the caseload columns: the earliest open deadline, missed deadlines and open files, and the attention rank', () => {
    const signed = trajectoryAt('CONTRACT_SIGNED');
    expect(summary(signed.state)).toMatchObject({
      nextDeadlineId: VDAB_DEADLINE_ID,
      nextDeadlineKind: 'VDAB_REGISTRATION',
      nextDeadlineDueOn: '2026-06-30',
      missedDeadlines: 0,
      openViolations: 0,
      attentionRank: 3,
    });

    const missed = expireAt(signed, Date.parse('2026-07-01T10:00:00Z'));
    expect(summary(missed.state)).toMatchObject({
      nextDeadlineId: null,
      nextDeadlineDueOn: null,
      missedDeadlines: 1,
      openViolations: 1,
      attentionRank: 0,
    });

    const decided = run(
      [recordFineDecision(FIRST_VIOLATION_ID, 'FINE', '2026-07-02', 250, 'second reminder ignored')],
      Date.parse('2026-07-02T10:00:00Z'),
      missed,
    );
    expect(summary(decided.state)).toMatchObject({ missedDeadlines: 1, openViolations: 0, attentionRank: 1 });
    expect(violations.rows(stream(decided.state))).toEqual([
      expect.objectContaining({
        violationId: FIRST_VIOLATION_ID,
        state: 'DECIDED',
        decision: 'FINE',
        amountEuro: 250,
        decisionExplanation: 'second reminder ignored',
        agency: decided.state.agency,
      }),
    ]);
  });

  it('a suspended deadline does not run: no next deadline while suspended', () => {
    const suspended = run([suspendTrajectory('2026-05-10')], undefined, trajectoryAt('CONTRACT_SIGNED'));
    expect(suspended.state.deadlines.map((deadline) => deadline.state)).toEqual(['SUSPENDED']);
    expect(summary(suspended.state)).toMatchObject({
      status: 'SUSPENDED',
      nextDeadlineId: null,
      attentionRank: 3,
    });
  });

  it('deadline and violation rows carry the agency and counsellor the trajectory has now', () => {
    const missed = expireAt(trajectoryAt('CONTRACT_SIGNED'), Date.parse('2026-07-01T10:00:00Z'));
    const transferred = run(
      [transferTrajectory('ATLAS', '2026-07-02', 'c-9')],
      Date.parse('2026-07-02T10:00:00Z'),
      missed,
    );
    const rows = [
      ...deadlines.rows(stream(transferred.state)),
      ...violations.rows(stream(transferred.state)),
    ];
    expect(rows.map(({ agency, counsellorId }) => [agency, counsellorId])).toEqual([
      ['ATLAS', 'c-9'],
      ['ATLAS', 'c-9'],
    ]);
    expect(deadlines.rows(stream(transferred.state))[0]).toMatchObject({
      anchor: 'CONTRACT_SIGNED',
      anchorOn: transferred.state.contract?.signedOn,
    });
  });

  it('the same state gives the same rows whether it was folded now or read back from JSON', () => {
    const history = run([recordVdabRegistration('2026-05-20')], undefined, trajectoryAt('CONTRACT_SIGNED'));
    const roundTripped = JSON.parse(
      JSON.stringify(fold(history.events as TrajectoryEvent[])),
    ) as TrajectoryState;
    for (const model of [trajectorySummaries, deadlines, violations]) {
      expect(model.rows(stream(roundTripped))).toEqual(model.rows(stream(history.state)));
    }
  });

  it("the newcomer's hold (the columns of the one-active-per-newcomer index) is the summary's own", () => {
    const signed = trajectoryAt('CONTRACT_SIGNED');
    const suspended = run([suspendTrajectory('2026-05-10')], undefined, signed);
    for (const state of [signed.state, suspended.state]) {
      const { trajectoryId, nationalNumber, status } = summary(state);
      expect(newcomerHoldOf(stream(state))).toEqual({ trajectoryId, nationalNumber, status });
    }
  });
});
