import { TrajectoryCommand } from '../commands';
import { decide } from '../decide';
import { TrajectoryEvent } from '../events';
import { upcastTrajectoryEvent } from '../upcast';
import {
  acceptedEvents,
  enrolInMoCourse,
  History,
  NOW,
  referToNt2Course,
  rejectionOf,
  run,
  trajectoryAt,
} from '../trajectory.fixtures';

const enrolled = (): History => run([enrolInMoCourse('2026-05-04')], NOW, trajectoryAt('CONTRACT_SIGNED'));
const referred = (): History => run([referToNt2Course('2026-05-04')], NOW, trajectoryAt('CONTRACT_SIGNED'));

const mo = (passed: boolean, certificateNumber?: unknown): TrajectoryCommand =>
  ({
    type: 'RecordMoTestResult',
    takenOn: '2026-05-20',
    passed,
    ...(certificateNumber === undefined ? {} : { certificateNumber }),
  }) as TrajectoryCommand;
const nt2 = (passed: boolean, certificateNumber?: unknown): TrajectoryCommand =>
  ({
    type: 'RecordNt2TestResult',
    level: 'A2',
    takenOn: '2026-05-20',
    passed,
    ...(certificateNumber === undefined ? {} : { certificateNumber }),
  }) as TrajectoryCommand;

describe.each([
  ['MO', enrolled, mo, 'MoTestTaken'],
  ['NT2', referred, nt2, 'Nt2TestTaken'],
] as const)('the certificate number of an %s test result', (_pillar, history, command, eventType) => {
  const decided = (candidate: TrajectoryCommand, legacy = false) =>
    decide(history().state, candidate, { now: NOW, ...(legacy ? { withoutCertificateNumbers: true } : {}) });

  it('is recorded with a pass, trimmed, in the schema-version-2 event', () => {
    const [event] = acceptedEvents(decided(command(true, ' CERT-2026-0001 ')));
    expect(event).toMatchObject({
      type: eventType,
      schemaVersion: 2,
      data: { passed: true, certificateNumber: 'CERT-2026-0001' },
    });
  });

  it('is null with a fail', () => {
    const [event] = acceptedEvents(decided(command(false)));
    expect(event).toMatchObject({ type: eventType, data: { passed: false, certificateNumber: null } });
  });

  it.each([
    ['a pass without one', true, undefined, 'certificateNumber is required with a pass'],
    ['a pass with a blank one', true, '   ', 'certificateNumber is required with a pass'],
    ['a fail with one', false, 'CERT-1', 'certificateNumber is only given with a pass'],
    ['one that is not text', true, 12, 'certificateNumber must be text'],
    ['one that is too long', true, 'X'.repeat(65), 'certificateNumber must be at most 64 characters'],
  ])('refuses %s, naming the field', (_label, passed, certificateNumber, message) => {
    expect(rejectionOf(decided(command(passed, certificateNumber)))).toEqual({
      code: 'INVALID_INPUT',
      field: 'certificateNumber',
      message,
    });
  });

  it('is neither required nor refused when replaying a history from before certificate numbers', () => {
    const [event] = acceptedEvents(decided(command(true), true));
    expect(event).toMatchObject({ data: { passed: true, certificateNumber: null } });
  });
});

describe('upcasting a test result stored before certificate numbers', () => {
  it('gives version 1 of MoTestTaken and Nt2TestTaken a null certificate number', () => {
    const v1 = {
      type: 'Nt2TestTaken',
      schemaVersion: 1,
      occurredAt: '2020-05-20T10:00:00.000Z',
      data: { level: 'A2', takenOn: '2020-05-20', passed: true },
    } as unknown as TrajectoryEvent;
    expect(upcastTrajectoryEvent(v1)).toEqual({
      ...v1,
      schemaVersion: 2,
      data: { level: 'A2', takenOn: '2020-05-20', passed: true, certificateNumber: null },
    });
    const mo1 = {
      ...v1,
      type: 'MoTestTaken',
      data: { takenOn: '2020-05-20', passed: false },
    } as TrajectoryEvent;
    expect(upcastTrajectoryEvent(mo1).data).toEqual({
      takenOn: '2020-05-20',
      passed: false,
      certificateNumber: null,
    });
  });

  it('leaves current events as they are', () => {
    const current = {
      type: 'MoTestTaken',
      schemaVersion: 2,
      occurredAt: '2026-05-20T10:00:00.000Z',
      data: { takenOn: '2026-05-20', passed: true, certificateNumber: 'C-1' },
    } as TrajectoryEvent;
    expect(upcastTrajectoryEvent(current)).toBe(current);
  });
});
