import { withReasonsInEnglish } from '../pillars/reason-keys.fixtures';
import { OpenTrajectory, TrajectoryCommand } from './commands';
import { decide, Decision, vdabDeadlineId } from './decide';
import { TrajectoryEvent } from './events';
import { RejectionCode } from './rejection';
import { MaybeTrajectoryState } from './state';
import {
  closeTrajectory,
  defaultPillarsDetermined,
  NATIONAL_NUMBER,
  NOW,
  NOW_ISO,
  openTrajectory,
  recordContract,
  recordIntake,
  recordVdabRegistration,
  run,
  TODAY,
  TRAJECTORY_ID,
  trajectoryAt,
  VDAB_DEADLINE_ID,
  VDAB_SOURCE,
} from './trajectory.fixtures';

const at = (now: number = NOW) => ({ now });

function accepted(decision: Decision): TrajectoryEvent[] {
  if (!decision.accepted) throw new Error(`expected acceptance, got ${JSON.stringify(decision.rejection)}`);
  return decision.events;
}

/** Code and field of a rejection, with `field` undefined when the rejection has none. */
function rejected(decision: Decision): { code: RejectionCode; field: string | undefined; message: string } {
  if (decision.accepted) throw new Error(`expected rejection, got ${JSON.stringify(decision.events)}`);
  return {
    code: decision.rejection.code,
    field: decision.rejection.field,
    message: decision.rejection.message,
  };
}

/** An expected event as decided at NOW (data written as plain values, branded types not needed). */
const event = (type: TrajectoryEvent['type'], data: object) => ({
  type,
  schemaVersion: 1,
  occurredAt: NOW_ISO,
  data,
});

describe('decide', () => {
  describe('OpenTrajectory', () => {
    it('opens a trajectory with the normalised national number and trimmed names', () => {
      const command = openTrajectory({
        newcomer: {
          givenName: '  Amina ',
          familyName: ' El Idrissi',
          municipality: 'Gent  ',
        },
      });
      expect(accepted(decide(undefined, command, at()))).toEqual([
        event('TrajectoryOpened', {
          trajectoryId: TRAJECTORY_ID,
          newcomer: {
            nationalNumber: NATIONAL_NUMBER,
            givenName: 'Amina',
            familyName: 'El Idrissi',
            birthDate: '1985-07-30',
            municipality: 'Gent',
          },
          agency: 'IN_GENT',
          counsellorId: 'counsellor-7',
          registeredOn: '2026-03-02',
        }),
      ]);
    });

    it('registers today (in Brussels) when no registration date is given, and leaves out an absent counsellor', () => {
      const command: OpenTrajectory = {
        ...openTrajectory(),
        registeredOn: undefined,
        counsellorId: undefined,
      };
      const [opened] = accepted(decide(undefined, command, at()));
      expect(opened.type).toBe('TrajectoryOpened');
      expect(opened.data).toMatchObject({ registeredOn: TODAY });
      expect(Object.keys(opened.data)).toEqual(['trajectoryId', 'newcomer', 'agency', 'registeredOn']);
    });

    it('"today" is the Brussels date: 22:30 UTC on 30 June is 1 July', () => {
      const command: OpenTrajectory = { ...openTrajectory(), registeredOn: undefined };
      const [opened] = accepted(decide(undefined, command, at(Date.parse('2026-06-30T22:30:00Z'))));
      expect(opened.data).toMatchObject({ registeredOn: '2026-07-01' });
      expect(opened.occurredAt).toBe('2026-06-30T22:30:00.000Z');
    });

    it('accepts each of the three agencies', () => {
      for (const agency of ['AGII', 'ATLAS', 'IN_GENT'] as const) {
        expect(accepted(decide(undefined, openTrajectory({ agency }), at()))[0].data).toMatchObject({
          agency,
        });
      }
    });

    it('accepts a BIS number whose derived birth date matches', () => {
      // 85.47.30-033.xx: BIS (+40), born 30 July 1985
      const nine = '854730033';
      const bis = `${nine}${String(97 - (Number(nine) % 97)).padStart(2, '0')}`;
      const [opened] = accepted(
        decide(undefined, openTrajectory({ newcomer: { nationalNumber: bis } }), at()),
      );
      expect(opened.data).toMatchObject({ newcomer: { nationalNumber: bis, birthDate: '1985-07-30' } });
    });

    it('accepts any birth date when the national number carries no birth date (unknown month and day)', () => {
      const nine = '850000033';
      const unknown = `${nine}${String(97 - (Number(nine) % 97)).padStart(2, '0')}`;
      const command = openTrajectory({
        newcomer: { nationalNumber: unknown, birthDate: '1985-03-12' },
      });
      expect(accepted(decide(undefined, command, at()))[0].data).toMatchObject({
        newcomer: { birthDate: '1985-03-12' },
      });
    });

    it('accepts registration on the birth date and on today', () => {
      expect(accepted(decide(undefined, openTrajectory({ registeredOn: '1985-07-30' }), at()))).toHaveLength(
        1,
      );
      expect(accepted(decide(undefined, openTrajectory({ registeredOn: TODAY }), at()))).toHaveLength(1);
    });

    const newcomer = (fields: Partial<OpenTrajectory['newcomer']>) => openTrajectory({ newcomer: fields });

    it.each<[string, OpenTrajectory, RejectionCode, string, string]>([
      [
        'wrong checksum',
        newcomer({ nationalNumber: '85.07.30-033.29' }),
        'INVALID_INPUT',
        'nationalNumber',
        'nationalNumber checksum digits do not match (not a valid national number)',
      ],
      [
        'too short',
        newcomer({ nationalNumber: '8507300332' }),
        'INVALID_INPUT',
        'nationalNumber',
        'nationalNumber must have 11 digits (YYMMDD SSS CC), dots, dashes and spaces allowed',
      ],
      [
        'letters',
        newcomer({ nationalNumber: '85O73003328' }),
        'INVALID_INPUT',
        'nationalNumber',
        'nationalNumber must have 11 digits (YYMMDD SSS CC), dots, dashes and spaces allowed',
      ],
      [
        'missing national number',
        newcomer({ nationalNumber: undefined }),
        'INVALID_INPUT',
        'nationalNumber',
        'nationalNumber must have 11 digits (YYMMDD SSS CC), dots, dashes and spaces allowed',
      ],
      [
        'blank given name',
        newcomer({ givenName: '   ' }),
        'INVALID_INPUT',
        'givenName',
        'givenName must not be empty',
      ],
      [
        'empty family name',
        newcomer({ familyName: '' }),
        'INVALID_INPUT',
        'familyName',
        'familyName must not be empty',
      ],
      [
        'missing municipality',
        newcomer({ municipality: undefined }),
        'INVALID_INPUT',
        'municipality',
        'municipality must not be empty',
      ],
      [
        'birth date not a date',
        newcomer({ birthDate: '30/07/1985' }),
        'INVALID_INPUT',
        'birthDate',
        'birthDate must be a date (YYYY-MM-DD)',
      ],
      [
        'birth date in the future',
        newcomer({ birthDate: '2026-06-16' }),
        'RULE_VIOLATION',
        'birthDate',
        'birthDate is in the future (today is 2026-06-15)',
      ],
      [
        'birth date not matching the national number',
        newcomer({ birthDate: '1985-07-31' }),
        'RULE_VIOLATION',
        'birthDate',
        'birthDate does not match the birth date in the national number',
      ],
      [
        'unknown agency',
        openTrajectory({ agency: 'VDAB' as never }),
        'INVALID_INPUT',
        'agency',
        'agency "VDAB" is unknown',
      ],
      [
        'an inherited property name as agency',
        openTrajectory({ agency: 'toString' as never }),
        'INVALID_INPUT',
        'agency',
        'agency "toString" is unknown',
      ],
      [
        'registration date not a date',
        openTrajectory({ registeredOn: '2026-02-30' }),
        'INVALID_INPUT',
        'registeredOn',
        'registeredOn must be a date (YYYY-MM-DD)',
      ],
      [
        'registration date in the future',
        openTrajectory({ registeredOn: '2026-06-16' }),
        'RULE_VIOLATION',
        'registeredOn',
        'registeredOn 2026-06-16 is in the future (today is 2026-06-15)',
      ],
      [
        'registration before birth',
        openTrajectory({ registeredOn: '1985-07-29' }),
        'RULE_VIOLATION',
        'registeredOn',
        'registeredOn must not be before birthDate',
      ],
    ])('rejects %s', (_label, command, code, field, message) => {
      expect(rejected(decide(undefined, command, at()))).toEqual({ code, field, message });
    });

    it('rejects opening a trajectory that already exists (INVALID_STATE, no field)', () => {
      const { state } = trajectoryAt('REGISTERED');
      expect(rejected(decide(state, openTrajectory(), at()))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'trajectory trj-0001 already exists',
      });
    });
  });

  describe.each<[string, TrajectoryCommand]>([
    ['RecordIntake', recordIntake('2026-03-16')],
    ['RecordContract', recordContract('2026-04-30')],
    ['RecordVdabRegistration', recordVdabRegistration('2026-05-20')],
    ['CloseTrajectory', closeTrajectory('2026-06-01')],
  ])('%s on a trajectory that does not exist', (_type, command) => {
    it('is rejected with INVALID_STATE', () => {
      expect(rejected(decide(undefined, command, at()))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'trajectory does not exist',
      });
    });
  });

  describe('RecordIntake', () => {
    it('records the intake of a registered trajectory', () => {
      const { state } = trajectoryAt('REGISTERED');
      expect(accepted(decide(state, recordIntake('2026-03-16'), at()))).toEqual([
        event('IntakeRecorded', { intakeOn: '2026-03-16' }),
      ]);
    });

    it.each(['2026-03-02', TODAY])('accepts an intake on %s (registration day, today)', (intakeOn) => {
      const { state } = trajectoryAt('REGISTERED');
      expect(accepted(decide(state, recordIntake(intakeOn), at()))[0].data).toEqual({ intakeOn });
    });

    it('accepts an intake dated tomorrow (UTC) once it is already tomorrow in Brussels', () => {
      const { state } = trajectoryAt('REGISTERED');
      expect(
        accepted(decide(state, recordIntake('2026-06-16'), at(Date.parse('2026-06-15T22:00:00Z')))),
      ).toHaveLength(1);
      expect(
        rejected(decide(state, recordIntake('2026-06-16'), at(Date.parse('2026-06-15T21:59:59.999Z')))).code,
      ).toBe('RULE_VIOLATION');
    });

    it.each<[string, string, RejectionCode, string]>([
      [
        'before the registration',
        '2026-03-01',
        'RULE_VIOLATION',
        'intakeOn must not be before the registration on 2026-03-02',
      ],
      [
        'in the future',
        '2026-06-16',
        'RULE_VIOLATION',
        'intakeOn 2026-06-16 is in the future (today is 2026-06-15)',
      ],
      ['not a date', '2026-3-16', 'INVALID_INPUT', 'intakeOn must be a date (YYYY-MM-DD)'],
    ])('rejects an intake %s', (_label, intakeOn, code, message) => {
      const { state } = trajectoryAt('REGISTERED');
      expect(rejected(decide(state, recordIntake(intakeOn), at()))).toEqual({
        code,
        field: 'intakeOn',
        message,
      });
    });

    it.each(['INTAKE_DONE', 'CONTRACT_SIGNED'] as const)(
      'rejects a second intake (trajectory at %s)',
      (phase) => {
        const { state } = trajectoryAt(phase);
        expect(rejected(decide(state, recordIntake('2026-04-01'), at()))).toEqual({
          code: 'INVALID_STATE',
          field: undefined,
          message: 'intake already recorded on 2026-03-16',
        });
      },
    );
  });

  describe('RecordContract', () => {
    it('signs the contract under the 2023 version, determines the pillars and sets the VDAB deadline 2 months later', () => {
      // the fixture newcomer (born 1985-07-30) is 40 at signing: of working age, so the WORK pillar applies
      const { state } = trajectoryAt('INTAKE_DONE');
      expect(withReasonsInEnglish(accepted(decide(state, recordContract('2026-04-30'), at())))).toEqual([
        event('ContractSigned', { signedOn: '2026-04-30', policyVersion: '2023' }),
        event('PillarsDetermined', defaultPillarsDetermined('2023')),
        event('DeadlineSet', {
          deadlineId: VDAB_DEADLINE_ID,
          kind: 'VDAB_REGISTRATION',
          dueOn: '2026-06-30',
          anchor: 'CONTRACT_SIGNED',
          anchorOn: '2026-04-30',
          policyVersion: '2023',
          source: VDAB_SOURCE,
        }),
      ]);
    });

    it.each([
      ['2025-12-31', '2023', '2026-02-28'],
      ['2023-12-31', '2023', '2024-02-29'],
      ['2023-01-01', '2023', '2023-03-01'],
      ['2022-12-31', '2022', '2023-02-28'],
      ['2022-01-01', '2022', '2022-03-01'],
    ] as const)('signed %s: policy %s, VDAB registration due %s', (signedOn, policyVersion, dueOn) => {
      // born 1985-07-30: 36 to 40 when signing, of working age
      const { state } = trajectoryAt('INTAKE_DONE', { registeredOn: '2016-01-01', intakeOn: '2016-01-01' });
      expect(withReasonsInEnglish(accepted(decide(state, recordContract(signedOn), at())))).toEqual([
        event('ContractSigned', { signedOn, policyVersion }),
        event('PillarsDetermined', defaultPillarsDetermined(policyVersion)),
        event('DeadlineSet', {
          deadlineId: VDAB_DEADLINE_ID,
          kind: 'VDAB_REGISTRATION',
          dueOn,
          anchor: 'CONTRACT_SIGNED',
          anchorOn: signedOn,
          policyVersion,
          source: VDAB_SOURCE,
        }),
      ]);
    });

    it.each(['2016-01-01', '2021-12-31'])(
      'signed %s under the 2016 version: no VDAB deadline',
      (signedOn) => {
        const { state } = trajectoryAt('INTAKE_DONE', { registeredOn: '2015-11-02', intakeOn: '2015-12-01' });
        expect(withReasonsInEnglish(accepted(decide(state, recordContract(signedOn), at())))).toEqual([
          event('ContractSigned', { signedOn, policyVersion: '2016' }),
          event('PillarsDetermined', defaultPillarsDetermined('2016')),
        ]);
      },
    );

    it('accepts a contract signed on the intake day and today', () => {
      const { state } = trajectoryAt('INTAKE_DONE');
      expect(accepted(decide(state, recordContract('2026-03-16'), at()))[0].data).toEqual({
        signedOn: '2026-03-16',
        policyVersion: '2023',
      });
      expect(accepted(decide(state, recordContract(TODAY), at()))[2].data).toMatchObject({
        kind: 'VDAB_REGISTRATION',
        dueOn: '2026-08-15',
      });
    });

    it('rejects a contract before the intake is recorded (INVALID_STATE)', () => {
      const { state } = trajectoryAt('REGISTERED');
      expect(rejected(decide(state, recordContract('2026-04-30'), at()))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'the contract is signed after the intake; record the intake first',
      });
    });

    it.each<[string, string, RejectionCode, string]>([
      [
        'before the intake date',
        '2026-03-15',
        'RULE_VIOLATION',
        'signedOn must not be before the intake on 2026-03-16',
      ],
      [
        'in the future',
        '2026-06-16',
        'RULE_VIOLATION',
        'signedOn 2026-06-16 is in the future (today is 2026-06-15)',
      ],
      ['not a date', '2026-04-31', 'INVALID_INPUT', 'signedOn must be a date (YYYY-MM-DD)'],
    ])('rejects a contract signed %s', (_label, signedOn, code, message) => {
      const { state } = trajectoryAt('INTAKE_DONE');
      expect(rejected(decide(state, recordContract(signedOn), at()))).toEqual({
        code,
        field: 'signedOn',
        message,
      });
    });

    it('rejects a contract signed before 2016 (no policy version)', () => {
      const { state } = trajectoryAt('INTAKE_DONE', { registeredOn: '2015-11-02', intakeOn: '2015-12-01' });
      expect(rejected(decide(state, recordContract('2015-12-31'), at()))).toEqual({
        code: 'RULE_VIOLATION',
        field: 'signedOn',
        message: 'no policy version governs contracts signed before 2016-01-01',
      });
    });

    it.each(['CONTRACT_SIGNED', 'VDAB_REGISTERED'] as const)(
      'rejects a second contract (trajectory at %s)',
      (phase) => {
        const { state } = trajectoryAt(phase);
        expect(rejected(decide(state, recordContract('2026-05-02'), at()))).toEqual({
          code: 'INVALID_STATE',
          field: undefined,
          message: 'contract already signed on 2026-04-30',
        });
      },
    );
  });

  describe('RecordVdabRegistration', () => {
    it('within the deadline: records the registration and meets the deadline', () => {
      const { state } = trajectoryAt('CONTRACT_SIGNED');
      expect(accepted(decide(state, recordVdabRegistration('2026-05-20', '  VDAB-123456 '), at()))).toEqual([
        event('VdabRegistrationRecorded', {
          registeredOn: '2026-05-20',
          vdabClientReference: 'VDAB-123456',
        }),
        event('DeadlineMet', {
          deadlineId: VDAB_DEADLINE_ID,
          kind: 'VDAB_REGISTRATION',
          metOn: '2026-05-20',
        }),
        event('PillarCompleted', {
          pillar: 'WORK',
          completedOn: '2026-05-20',
          condition: 'registered with VDAB on 2026-05-20 (VDAB-123456)',
        }),
      ]);
    });

    it('on the due date itself: the deadline is met', () => {
      const { state } = trajectoryAt('CONTRACT_SIGNED', { signedOn: '2026-03-31' }); // due 2026-05-31
      expect(accepted(decide(state, recordVdabRegistration('2026-05-31'), at())).map((e) => e.type)).toEqual([
        'VdabRegistrationRecorded',
        'DeadlineMet',
        'PillarCompleted',
      ]);
    });

    it('the day after the due date: the deadline stays open (to be missed), the WORK pillar is completed', () => {
      const { state } = trajectoryAt('CONTRACT_SIGNED', { signedOn: '2026-03-31' }); // due 2026-05-31
      const events = accepted(decide(state, recordVdabRegistration('2026-06-01'), at()));
      expect(events).toEqual([
        event('VdabRegistrationRecorded', {
          registeredOn: '2026-06-01',
          vdabClientReference: 'VDAB-123456',
        }),
        event('PillarCompleted', {
          pillar: 'WORK',
          completedOn: '2026-06-01',
          condition: 'registered with VDAB on 2026-06-01 (VDAB-123456)',
        }),
      ]);
      const after = run([recordVdabRegistration('2026-06-01')], NOW, { state, events: [] }).state;
      expect(after.deadlines).toEqual([
        expect.objectContaining({ deadlineId: VDAB_DEADLINE_ID, state: 'OPEN', dueOn: '2026-05-31' }),
      ]);
      expect(after.pillars?.WORK.status).toBe('COMPLETED');
    });

    it.each(['REGISTERED', 'INTAKE_DONE'] as const)(
      'before the contract (trajectory at %s): only the registration',
      (phase) => {
        const { state } = trajectoryAt(phase);
        expect(accepted(decide(state, recordVdabRegistration('2026-03-16'), at()))).toEqual([
          event('VdabRegistrationRecorded', {
            registeredOn: '2026-03-16',
            vdabClientReference: 'VDAB-123456',
          }),
        ]);
      },
    );

    it('before the contract: the deadline is set and met when the contract is signed', () => {
      const { state } = run([
        openTrajectory(),
        recordIntake('2026-03-16'),
        recordVdabRegistration('2026-03-16'),
      ]);
      expect(withReasonsInEnglish(accepted(decide(state, recordContract('2026-04-30'), at())))).toEqual([
        event('ContractSigned', { signedOn: '2026-04-30', policyVersion: '2023' }),
        event('PillarsDetermined', defaultPillarsDetermined('2023')),
        event('DeadlineSet', {
          deadlineId: VDAB_DEADLINE_ID,
          kind: 'VDAB_REGISTRATION',
          dueOn: '2026-06-30',
          anchor: 'CONTRACT_SIGNED',
          anchorOn: '2026-04-30',
          policyVersion: '2023',
          source: VDAB_SOURCE,
        }),
        event('DeadlineMet', {
          deadlineId: VDAB_DEADLINE_ID,
          kind: 'VDAB_REGISTRATION',
          metOn: '2026-03-16',
        }),
        event('PillarCompleted', {
          pillar: 'WORK',
          completedOn: '2026-03-16',
          condition: 'registered with VDAB on 2026-03-16 (VDAB-123456)',
        }),
      ]);
    });

    it('recorded before the contract but dated after its due date (backdated contract): the deadline stays open', () => {
      const { state } = run([
        openTrajectory({ registeredOn: '2025-12-01' }),
        recordIntake('2025-12-15'),
        recordVdabRegistration('2026-06-01'),
      ]);
      // signed 2026-01-10, due 2026-03-10: the registration of 2026-06-01 is too late
      expect(accepted(decide(state, recordContract('2026-01-10'), at())).map((e) => e.type)).toEqual([
        'ContractSigned',
        'PillarsDetermined',
        'DeadlineSet',
        'PillarCompleted',
      ]);
    });

    it('under the 2016 version: only the registration', () => {
      const { state } = trajectoryAt('CONTRACT_SIGNED', {
        registeredOn: '2019-01-07',
        intakeOn: '2019-01-21',
        signedOn: '2019-02-04',
      });
      expect(accepted(decide(state, recordVdabRegistration('2019-03-01'), at())).map((e) => e.type)).toEqual([
        'VdabRegistrationRecorded',
      ]);
    });

    it.each<[string, string, string, RejectionCode, string, string]>([
      [
        'an empty reference',
        '2026-05-20',
        '',
        'INVALID_INPUT',
        'vdabClientReference',
        'vdabClientReference must not be empty',
      ],
      [
        'a blank reference',
        '2026-05-20',
        '   ',
        'INVALID_INPUT',
        'vdabClientReference',
        'vdabClientReference must not be empty',
      ],
      [
        'a registration date in the future',
        '2026-06-16',
        'VDAB-1',
        'RULE_VIOLATION',
        'registeredOn',
        'registeredOn 2026-06-16 is in the future (today is 2026-06-15)',
      ],
      [
        'a registration date that is not a date',
        '20260520',
        'VDAB-1',
        'INVALID_INPUT',
        'registeredOn',
        'registeredOn must be a date (YYYY-MM-DD)',
      ],
    ])('rejects %s', (_label, registeredOn, reference, code, field, message) => {
      const { state } = trajectoryAt('CONTRACT_SIGNED');
      expect(rejected(decide(state, recordVdabRegistration(registeredOn, reference), at()))).toEqual({
        code,
        field,
        message,
      });
    });

    it('rejects a second VDAB registration (INVALID_STATE)', () => {
      const { state } = trajectoryAt('VDAB_REGISTERED');
      expect(rejected(decide(state, recordVdabRegistration('2026-06-01', 'VDAB-999'), at()))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'VDAB registration already recorded on 2026-05-20 (VDAB-123456)',
      });
    });
  });

  describe('CloseTrajectory', () => {
    it.each(['REGISTERED', 'INTAKE_DONE', 'CONTRACT_SIGNED', 'VDAB_REGISTERED'] as const)(
      'closes a trajectory at %s',
      (phase) => {
        const { state } = trajectoryAt(phase);
        expect(accepted(decide(state, closeTrajectory('2026-06-01', 'DECEASED'), at()))).toEqual([
          event('TrajectoryClosed', { reason: 'DECEASED', closedOn: '2026-06-01' }),
        ]);
      },
    );

    it('keeps an explanation when given', () => {
      const { state } = trajectoryAt('CONTRACT_SIGNED');
      expect(
        accepted(decide(state, closeTrajectory(TODAY, 'CONTRACT_TERMINATED', 'signed in error'), at()))[0]
          .data,
      ).toEqual({
        reason: 'CONTRACT_TERMINATED',
        closedOn: TODAY,
        explanation: 'signed in error',
      });
    });

    it('accepts a closure on the registration day', () => {
      const { state } = trajectoryAt('REGISTERED');
      expect(accepted(decide(state, closeTrajectory('2026-03-02'), at()))).toHaveLength(1);
    });

    it.each<[string, TrajectoryCommand, RejectionCode, string, string]>([
      [
        'an unknown reason',
        closeTrajectory('2026-06-01', 'EMIGRATED' as never),
        'INVALID_INPUT',
        'reason',
        'reason must be one of CONTRACT_TERMINATED, MOVED_OUT_OF_FLANDERS, DECEASED',
      ],
      [
        'a closure before the registration',
        closeTrajectory('2026-03-01'),
        'RULE_VIOLATION',
        'closedOn',
        'closedOn must not be before the registration on 2026-03-02',
      ],
      [
        'a closure in the future',
        closeTrajectory('2026-06-16'),
        'RULE_VIOLATION',
        'closedOn',
        'closedOn 2026-06-16 is in the future (today is 2026-06-15)',
      ],
      [
        'a closure date that is not a date',
        closeTrajectory('yesterday'),
        'INVALID_INPUT',
        'closedOn',
        'closedOn must be a date (YYYY-MM-DD)',
      ],
    ])('rejects %s', (_label, command, code, field, message) => {
      const { state } = trajectoryAt('CONTRACT_SIGNED');
      expect(rejected(decide(state, command, at()))).toEqual({ code, field, message });
    });
  });

  describe('on a closed trajectory', () => {
    const closed: MaybeTrajectoryState = trajectoryAt('CLOSED').state;

    it.each<[string, TrajectoryCommand]>([
      ['RecordIntake', recordIntake('2026-06-02')],
      ['RecordContract', recordContract('2026-06-02')],
      ['RecordVdabRegistration', recordVdabRegistration('2026-06-02')],
      ['CloseTrajectory', closeTrajectory('2026-06-02', 'DECEASED')],
    ])('%s is rejected with INVALID_STATE', (_type, command) => {
      expect(rejected(decide(closed, command, at()))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'trajectory is closed (MOVED_OUT_OF_FLANDERS on 2026-06-01)',
      });
    });

    it('OpenTrajectory is rejected: the trajectory exists', () => {
      expect(rejected(decide(closed, openTrajectory(), at()))).toEqual({
        code: 'INVALID_STATE',
        field: undefined,
        message: 'trajectory trj-0001 already exists',
      });
    });

    it('an invalid command is still rejected for the state first', () => {
      expect(rejected(decide(closed, recordIntake('not a date'), at())).code).toBe('INVALID_STATE');
    });
  });

  it('vdabDeadlineId is the trajectory id with the deadline kind', () => {
    expect(vdabDeadlineId({ trajectoryId: 'abc' })).toBe('abc:VDAB_REGISTRATION');
  });

  it('is pure: the same state, command and now give the same decision, and the state is not modified', () => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    const snapshot = JSON.parse(JSON.stringify(state));
    const first = decide(state, recordVdabRegistration('2026-05-20'), at());
    const second = decide(state, recordVdabRegistration('2026-05-20'), at());
    expect(second).toEqual(first);
    expect(state).toEqual(snapshot);
  });
});
