import { RecordAttendance } from '../commands';
import { decide } from '../decide';
import {
  acceptedEvents,
  enrolInMoCourse,
  expectedEvent,
  History,
  NOW,
  rejectionOf,
  run,
  trajectoryAt,
} from '../trajectory.fixtures';

const attendance = (overrides: Partial<RecordAttendance> = {}): RecordAttendance => ({
  type: 'RecordAttendance',
  pillar: 'MO',
  periodFrom: '2026-05-04',
  periodTo: '2026-05-29',
  hoursScheduled: 24,
  hoursAttended: 18,
  ...overrides,
});

/** Contract signed under 2023, enrolled in an MO course on 2026-05-04. */
const enrolled = (): History => run([enrolInMoCourse('2026-05-04')], NOW, trajectoryAt('CONTRACT_SIGNED'));

describe('RecordAttendance', () => {
  it('records the attendance of the course over a period in the pillar', () => {
    const history = enrolled();
    const events = acceptedEvents(decide(history.state, attendance(), { now: NOW }));
    expect(events).toEqual([
      expectedEvent('AttendanceRecorded', {
        pillar: 'MO',
        periodFrom: '2026-05-04',
        periodTo: '2026-05-29',
        hoursScheduled: 24,
        hoursAttended: 18,
      }),
    ]);
    const after = run([attendance()], NOW, history).state;
    expect(after?.pillars?.MO.attendance).toEqual([
      { periodFrom: '2026-05-04', periodTo: '2026-05-29', hoursScheduled: 24, hoursAttended: 18 },
    ]);
    expect(after?.pillars?.MO.status).toBe('IN_PROGRESS');
  });

  it.each([
    ['before the MO enrolment', trajectoryAt('CONTRACT_SIGNED'), attendance(), 'INVALID_STATE', undefined],
    [
      'NT2 before the referral',
      trajectoryAt('CONTRACT_SIGNED'),
      attendance({ pillar: 'NT2' }),
      'INVALID_STATE',
      undefined,
    ],
    ['before the contract', trajectoryAt('INTAKE_DONE'), attendance(), 'INVALID_STATE', undefined],
    [
      'a period ending before it starts',
      enrolled(),
      attendance({ periodTo: '2026-05-01' }),
      'RULE_VIOLATION',
      'periodTo',
    ],
    [
      'a period in the future',
      enrolled(),
      attendance({ periodTo: '2026-07-01' }),
      'RULE_VIOLATION',
      'periodTo',
    ],
    ['no scheduled hours', enrolled(), attendance({ hoursScheduled: 0 }), 'INVALID_INPUT', 'hoursScheduled'],
    [
      'more attended than scheduled',
      enrolled(),
      attendance({ hoursAttended: 25 }),
      'INVALID_INPUT',
      'hoursAttended',
    ],
    ['negative attendance', enrolled(), attendance({ hoursAttended: -1 }), 'INVALID_INPUT', 'hoursAttended'],
  ])('refuses %s', (_case, history, command, code, field) => {
    const rejection = rejectionOf(decide(history.state, command, { now: NOW }));
    expect(rejection.code).toBe(code);
    expect(rejection.field).toBe(field);
  });
});
