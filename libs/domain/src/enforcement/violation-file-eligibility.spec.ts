import { applicabilityReasonOf } from '../pillars/pillar-state';
import { decide } from '../trajectory/decide';
import { expireDeadlines } from '../trajectory/deadline-expiry';
import { TrajectoryCommand } from '../trajectory/commands';
import { TargetGroupFacts } from '../target-group/target-group-facts';
import {
  acceptedEvents,
  BRUSSELS_FACTS,
  expireAt,
  FIRST_VIOLATION_ID,
  History,
  NOW,
  OBLIGED_FACTS,
  openTrajectory,
  overrideTargetGroup,
  recordAgencyLetter,
  recordContract,
  recordFineDecision,
  recordIntake,
  rejectionOf,
  reportViolation,
  run,
} from '../trajectory/trajectory.fixtures';

/**
 * Who can be fined, and for what (Handhaving inburgeringsbeleid; Verplichting tot inburgering: docs/sources.md).
 * Contract on 2026-04-30 (policy 2023): the registration with the employment service is due 2026-06-30.
 */
const EXPIRY = Date.parse('2026-06-30T22:00:00Z');
const AFTER_EXPIRY = Date.parse('2026-07-10T10:00:00Z');
const UNDETERMINED_FACTS: TargetGroupFacts = { residenceRegion: 'FLANDERS' };

const registered = (facts: TargetGroupFacts | undefined, ...more: TrajectoryCommand[]): History =>
  run([openTrajectory(facts ? { targetGroupFacts: facts } : {}), ...more]);
const signed = (facts: TargetGroupFacts | undefined, ...more: TrajectoryCommand[]): History =>
  registered(facts, ...more, recordIntake('2026-03-16'), recordContract('2026-04-30'));
const entitled = overrideTargetGroup({ status: 'ENTITLED' }, 'first stay in Belgium in 2019');

describe('who can be fined, and for what', () => {
  describe('Brussels: fines apply in Flanders, not in the Brussels-Capital Region', () => {
    it('the work pillar and its deadline name Actiris, and its expiry opens no violation file', () => {
      const history = signed(BRUSSELS_FACTS);
      expect(history.state.deadlines).toEqual([
        expect.objectContaining({
          deadlineId: 'trj-0001:ACTIRIS_REGISTRATION',
          kind: 'ACTIRIS_REGISTRATION',
        }),
      ]);
      expect(applicabilityReasonOf(history.state.pillars!.WORK)).toMatch(
        /^Actiris registration within 2 months/,
      );
      const expired = expireDeadlines(history.state, EXPIRY);
      expect(expired.map((event) => event.type)).toEqual(['DeadlineMissed']);
    });

    it('a reported breach of the contract is refused, naming the rule', () => {
      const refusal = rejectionOf(
        decide(signed(BRUSSELS_FACTS).state, reportViolation('IRREGULAR_ATTENDANCE', '2026-06-01'), {
          now: NOW,
        }),
      );
      expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', field: 'kind' });
      expect(refusal.message).toMatch(/not in the Brussels-Capital Region/);
    });

    it('a registration with the employment service meets the Actiris deadline', () => {
      const history = signed(BRUSSELS_FACTS);
      const events = acceptedEvents(
        decide(
          history.state,
          { type: 'RecordVdabRegistration', registeredOn: '2026-05-10', vdabClientReference: 'ACTIRIS-1' },
          { now: NOW },
        ),
      );
      expect(events.map((event) => event.type).slice(0, 2)).toEqual([
        'VdabRegistrationRecorded',
        'DeadlineMet',
      ]);
      expect(events[1].data).toMatchObject({ kind: 'ACTIRIS_REGISTRATION' });
    });
  });

  describe('before a contract only an obliged newcomer can be in breach', () => {
    it('an obliged newcomer who refuses to sign: a violation file', () => {
      const events = acceptedEvents(
        decide(registered(OBLIGED_FACTS).state, reportViolation('REFUSAL_TO_SIGN', '2026-04-20'), {
          now: NOW,
        }),
      );
      expect(events.map((event) => event.type)).toEqual(['ViolationOpened']);
    });

    it.each<[string, History]>([
      ['an entitled newcomer', registered(OBLIGED_FACTS, entitled)],
      ['an undetermined newcomer', registered(UNDETERMINED_FACTS)],
      ['a newcomer whose target group was never recorded', registered(undefined)],
    ])('%s may simply decline: refusing to sign is no breach', (_label, history) => {
      const refusal = rejectionOf(
        decide(history.state, reportViolation('REFUSAL_TO_SIGN', '2026-04-20'), { now: NOW }),
      );
      expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', field: 'kind' });
    });

    it('late registration is a breach only for an obliged newcomer: recorded ENTITLED, the letter sets no deadline', () => {
      const late = registered(OBLIGED_FACTS, entitled, recordAgencyLetter('2025-10-01'));
      expect(late.state.deadlines).toEqual([]);
      expect(late.state.violations).toEqual([]);
    });
  });

  describe('once a contract is signed it binds obliged and entitled alike', () => {
    it.each<[string, History]>([
      ['obliged', signed(OBLIGED_FACTS)],
      ['entitled', signed(OBLIGED_FACTS, entitled)],
    ])('%s: a missed VDAB deadline and irregular attendance open violation files', (_label, history) => {
      expect(expireDeadlines(history.state, EXPIRY).map((event) => event.type)).toEqual([
        'DeadlineMissed',
        'ViolationOpened',
      ]);
      expect(
        acceptedEvents(
          decide(history.state, reportViolation('IRREGULAR_ATTENDANCE', '2026-06-01'), { now: NOW }),
        ),
      ).toHaveLength(1);
    });

    it('entitled: the file, and the trajectory, end with the fine', () => {
      const missed = expireAt(signed(OBLIGED_FACTS, entitled), EXPIRY);
      const fine = recordFineDecision(FIRST_VIOLATION_ID, 'FINE', '2026-07-10', 150);
      const events = acceptedEvents(decide(missed.state, fine, { now: AFTER_EXPIRY }));
      expect(events.map((event) => event.type)).toEqual(['FineDecisionRecorded', 'TrajectoryClosed']);
      expect(events[1].data).toMatchObject({ reason: 'FINED_VOLUNTARY_CONTRACT', closedOn: '2026-07-10' });
      const { state } = run([fine], AFTER_EXPIRY, missed);
      expect(state).toMatchObject({ status: 'CLOSED', closure: { reason: 'FINED_VOLUNTARY_CONTRACT' } });
    });

    it('entitled: no fine leaves the trajectory open', () => {
      const missed = expireAt(signed(OBLIGED_FACTS, entitled), EXPIRY);
      const { state } = run(
        [recordFineDecision(FIRST_VIOLATION_ID, 'NO_FINE', '2026-07-10')],
        AFTER_EXPIRY,
        missed,
      );
      expect(state.status).toBe('OPEN');
    });

    it('obliged: the trajectory continues after the fine, and a new breach opens a new file', () => {
      const missed = expireAt(signed(OBLIGED_FACTS), EXPIRY);
      const fined = run(
        [recordFineDecision(FIRST_VIOLATION_ID, 'FINE', '2026-07-10', 150)],
        AFTER_EXPIRY,
        missed,
      );
      expect(fined.state.status).toBe('OPEN');
      const again = run([reportViolation('IRREGULAR_ATTENDANCE', '2026-07-09')], AFTER_EXPIRY, fined);
      expect(again.state.violations.map((violation) => [violation.violationId, violation.state])).toEqual([
        [FIRST_VIOLATION_ID, 'DECIDED'],
        ['trj-0001:violation:2', 'OPEN'],
      ]);
    });
  });

  describe('while the target group is undetermined, no violation file can open', () => {
    it('a missed VDAB deadline is missed, without a file', () => {
      const history = signed(UNDETERMINED_FACTS);
      expect(history.state.targetGroup?.derived.status).toBe('UNDETERMINED');
      expect(expireDeadlines(history.state, EXPIRY).map((event) => event.type)).toEqual(['DeadlineMissed']);
    });

    it('a reported breach is refused', () => {
      const refusal = rejectionOf(
        decide(signed(UNDETERMINED_FACTS).state, reportViolation('IRREGULAR_ATTENDANCE', '2026-06-01'), {
          now: NOW,
        }),
      );
      expect(refusal.message).toMatch(/target group is still undetermined/);
    });
  });
});
