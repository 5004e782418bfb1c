import {
  contractSignedWith,
  enrolInMoCourse,
  enrolInNt2Course,
  expireAt,
  recordFineDecision,
  recordMoTestResult,
  recordNt2TestResult,
  recordVdabRegistration,
  referToNt2Course,
  run,
  trajectoryAt,
  FIRST_VIOLATION_ID,
} from '../trajectory/trajectory.fixtures';
import { trajectoryFactsOf, violationFactsOf } from './trajectory-facts';

const LATER = Date.parse('2026-07-15T10:00:00Z');

describe('trajectory facts: the milestones of a folded history', () => {
  // Registered 2026-03-02, intake 2026-03-16, contract 2026-04-30 (fixture defaults).
  const signed = contractSignedWith();

  it('dates and the measures derived from them, counted by hand', () => {
    const history = run(
      [
        recordVdabRegistration('2026-06-30'),
        referToNt2Course('2026-05-02'),
        enrolInNt2Course('2026-05-11'),
        enrolInMoCourse('2026-05-04'),
        recordMoTestResult('2026-05-20', false),
        recordMoTestResult('2026-05-27', true),
        recordNt2TestResult('2026-06-01', 'A2', true),
      ],
      LATER,
      signed,
    );
    expect(trajectoryFactsOf(history.state)).toMatchObject({
      registeredOn: '2026-03-02',
      intakeOn: '2026-03-16',
      contractOn: '2026-04-30',
      vdabRegisteredOn: '2026-06-30',
      // 30 April + 2 months = 30 June: the last day still counts.
      vdabWithinTwoMonths: true,
      firstNt2CourseOn: '2026-05-11',
      // 16 March -> 11 May: 15 + 30 + 11 days.
      daysIntakeToNt2Course: 56,
      // 2 March -> 30 April: 29 + 30 days.
      daysRegistrationToContract: 59,
      firstMoTestOn: '2026-05-20',
      moTestAttempts: 2,
      moPassedFirstAttempt: false,
      moPassed: true,
      firstNt2TestOn: '2026-06-01',
      nt2TestAttempts: 1,
      nt2PassedFirstAttempt: true,
      nt2Passed: true,
      attestOn: null,
      daysRegistrationToAttest: null,
      closedOn: null,
    });
  });

  it('a VDAB registration one day after the two months is late; none is late too', () => {
    const late = run(
      [recordVdabRegistration('2026-06-30')],
      LATER,
      contractSignedWith({ signedOn: '2026-04-29' }),
    );
    expect(trajectoryFactsOf(late.state).vdabWithinTwoMonths).toBe(false);
    expect(trajectoryFactsOf(signed.state).vdabWithinTwoMonths).toBe(false);
  });

  it('no contract: the contract measures are unknown, not false', () => {
    expect(trajectoryFactsOf(trajectoryAt('INTAKE_DONE').state)).toMatchObject({
      contractOn: null,
      vdabWithinTwoMonths: null,
      daysRegistrationToContract: null,
    });
  });

  it('violation files: the day opened in Brussels, the decision and the fine', () => {
    const missed = expireAt(signed, Date.parse('2026-07-01T10:00:00Z'));
    const decided = run(
      [recordFineDecision(FIRST_VIOLATION_ID, 'FINE', '2026-07-02', 250, 'ignored two reminders')],
      Date.parse('2026-07-02T10:00:00Z'),
      missed,
    );
    expect(violationFactsOf(decided.state)).toEqual([
      expect.objectContaining({
        openedOn: '2026-07-01',
        decidedOn: '2026-07-02',
        decision: 'FINE',
        amountEuro: 250,
        agency: decided.state.agency,
      }),
    ]);
  });
});
