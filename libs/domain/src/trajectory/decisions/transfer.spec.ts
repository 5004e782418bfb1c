import { Agency } from '../../agency';
import { decide } from '../decide';
import { RejectionCode } from '../rejection';
import { fold } from '../state';
import {
  acceptedEvents,
  expectedEvent,
  FixturePhase,
  NOW,
  recordVdabRegistration,
  rejectionOf,
  run,
  suspendTrajectory,
  TODAY,
  trajectoryAt,
  transferTrajectory,
} from '../trajectory.fixtures';

const at = (now: number = NOW) => ({ now });

describe('TransferTrajectory', () => {
  it('moves the trajectory to another agency with a new counsellor', () => {
    const history = trajectoryAt('CONTRACT_SIGNED');
    expect(
      acceptedEvents(decide(history.state, transferTrajectory('ATLAS', '2026-06-01', 'counsellor-12'), at())),
    ).toEqual([
      expectedEvent('TrajectoryTransferred', {
        fromAgency: 'IN_GENT',
        toAgency: 'ATLAS',
        transferredOn: '2026-06-01',
        counsellorId: 'counsellor-12',
      }),
      expectedEvent('NewcomerMoved', {
        movedOn: '2026-06-01',
        municipality: 'Antwerpen',
        nisCode: '11002',
        region: 'FLANDERS',
      }),
    ]);
    const { state } = run([transferTrajectory('ATLAS', '2026-06-01', 'counsellor-12')], NOW, history);
    expect(state).toMatchObject({
      agency: 'ATLAS',
      counsellorId: 'counsellor-12',
      status: 'OPEN',
      newcomer: { municipality: 'Antwerpen' },
      residence: { movedOn: '2026-06-01', municipality: 'Antwerpen', nisCode: '11002', region: 'FLANDERS' },
    });
  });

  it('without a counsellor: the event has none and the previous counsellor is cleared', () => {
    const history = trajectoryAt('CONTRACT_SIGNED');
    expect(history.state.counsellorId).toBe('counsellor-7');
    const [transferred] = acceptedEvents(
      decide(history.state, transferTrajectory('AGII', '2026-06-01'), at()),
    );
    expect(transferred.data).toEqual({
      fromAgency: 'IN_GENT',
      toAgency: 'AGII',
      transferredOn: '2026-06-01',
    });
    const { state } = run([transferTrajectory('AGII', '2026-06-01')], NOW, history);
    expect(state.agency).toBe('AGII');
    expect('counsellorId' in state).toBe(false);
  });

  it('keeps the history: phase, dates, deadlines and the VDAB registration are unchanged', () => {
    const history = trajectoryAt('VDAB_REGISTERED');
    const { state } = run([transferTrajectory('ATLAS', '2026-06-01', 'counsellor-12')], NOW, history);
    const { agency: _a, counsellorId: _c, version, lastTransferredOn, residence, newcomer, ...rest } = state;
    const {
      agency: _pa,
      counsellorId: _pc,
      version: previousVersion,
      newcomer: previousNewcomer,
      ...before
    } = history.state;
    expect(rest).toEqual(before);
    expect(newcomer).toEqual({ ...previousNewcomer, municipality: 'Antwerpen' });
    expect(residence?.region).toBe('FLANDERS');
    expect(lastTransferredOn).toBe('2026-06-01');
    expect(version).toBe(previousVersion + 2);
  });

  it.each<FixturePhase>(['REGISTERED', 'INTAKE_DONE', 'CONTRACT_SIGNED', 'VDAB_REGISTERED'])(
    'transfers a trajectory at %s',
    (phase) => {
      const { state } = trajectoryAt(phase);
      expect(acceptedEvents(decide(state, transferTrajectory('ATLAS', '2026-06-01'), at()))[0].type).toBe(
        'TrajectoryTransferred',
      );
    },
  );

  it('transfers twice, the second from the new agency, and back to the first agency', () => {
    const history = run(
      [
        transferTrajectory('ATLAS', '2026-05-01', 'counsellor-12'),
        transferTrajectory('IN_GENT', '2026-06-01'),
      ],
      NOW,
      trajectoryAt('CONTRACT_SIGNED'),
    );
    expect(history.events.filter((e) => e.type === 'TrajectoryTransferred').map((e) => e.data)).toEqual([
      {
        fromAgency: 'IN_GENT',
        toAgency: 'ATLAS',
        transferredOn: '2026-05-01',
        counsellorId: 'counsellor-12',
      },
      { fromAgency: 'ATLAS', toAgency: 'IN_GENT', transferredOn: '2026-06-01' },
    ]);
    expect(history.state.newcomer.municipality).toBe('Gent');
    expect(history.state.agency).toBe('IN_GENT');
    expect(fold(history.events)).toEqual(history.state);
  });

  it('a suspended trajectory is transferred and stays suspended', () => {
    const { state } = run(
      [suspendTrajectory('2026-06-01'), transferTrajectory('AGII', '2026-06-10', 'counsellor-3')],
      NOW,
      trajectoryAt('CONTRACT_SIGNED'),
    );
    expect(state).toMatchObject({ agency: 'AGII', counsellorId: 'counsellor-3', status: 'SUSPENDED' });
  });

  it('the transferred trajectory accepts further commands', () => {
    const history = run([transferTrajectory('ATLAS', '2026-06-01')], NOW, trajectoryAt('CONTRACT_SIGNED'));
    const events = acceptedEvents(decide(history.state, recordVdabRegistration('2026-06-05'), at()));
    expect(events.slice(0, 2).map((e) => e.type)).toEqual(['VdabRegistrationRecorded', 'DeadlineMet']);
  });

  it.each(['2026-03-02', TODAY])('accepts a transfer on %s (registration day, today)', (transferredOn) => {
    const { state } = trajectoryAt('REGISTERED');
    expect(
      acceptedEvents(decide(state, transferTrajectory('ATLAS', transferredOn), at()))[0].data,
    ).toMatchObject({
      transferredOn,
    });
  });

  it.each<[string, Agency, string, RejectionCode, string, string]>([
    [
      'a transfer to the agency that owns it',
      'IN_GENT',
      '2026-06-01',
      'RULE_VIOLATION',
      'toAgency',
      'the trajectory is already owned by IN_GENT',
    ],
    [
      'an unknown agency',
      'VDAB' as Agency,
      '2026-06-01',
      'INVALID_INPUT',
      'toAgency',
      'toAgency "VDAB" is unknown',
    ],
    [
      'an inherited property name as agency',
      'constructor' as Agency,
      '2026-06-01',
      'INVALID_INPUT',
      'toAgency',
      'toAgency "constructor" is unknown',
    ],
    [
      'a missing agency',
      undefined as unknown as Agency,
      '2026-06-01',
      'INVALID_INPUT',
      'toAgency',
      'toAgency "undefined" is unknown',
    ],
    [
      'a transfer in the future',
      'ATLAS',
      '2026-06-16',
      'RULE_VIOLATION',
      'transferredOn',
      'transferredOn 2026-06-16 is in the future (today is 2026-06-15)',
    ],
    [
      'a transfer date that is not a date',
      'ATLAS',
      '2026-13-01',
      'INVALID_INPUT',
      'transferredOn',
      'transferredOn must be a date (YYYY-MM-DD)',
    ],
    [
      'a transfer before the registration',
      'ATLAS',
      '2026-03-01',
      'RULE_VIOLATION',
      'transferredOn',
      'transferredOn must not be before the registration on 2026-03-02',
    ],
  ])('rejects %s', (_label, toAgency, transferredOn, code, field, message) => {
    const { state } = trajectoryAt('CONTRACT_SIGNED');
    expect(rejectionOf(decide(state, transferTrajectory(toAgency, transferredOn), at()))).toEqual({
      code,
      field,
      message,
    });
  });

  it('after a transfer, a transfer to the new owner is refused and one to the old owner accepted', () => {
    const { state } = run([transferTrajectory('ATLAS', '2026-06-01')], NOW, trajectoryAt('CONTRACT_SIGNED'));
    expect(rejectionOf(decide(state, transferTrajectory('ATLAS', '2026-06-02'), at()))).toEqual({
      code: 'RULE_VIOLATION',
      field: 'toAgency',
      message: 'the trajectory is already owned by ATLAS',
    });
    expect(acceptedEvents(decide(state, transferTrajectory('IN_GENT', '2026-06-02'), at()))).toHaveLength(2);
  });

  it('a transfer dated before the previous transfer is refused; the same day is accepted', () => {
    const { state } = run([transferTrajectory('ATLAS', '2026-06-01')], NOW, trajectoryAt('CONTRACT_SIGNED'));
    expect(state.lastTransferredOn).toBe('2026-06-01');
    expect(rejectionOf(decide(state, transferTrajectory('AGII', '2026-05-31'), at()))).toEqual({
      code: 'RULE_VIOLATION',
      field: 'transferredOn',
      message: 'transferredOn must not be before the previous transfer on 2026-06-01',
    });
    expect(acceptedEvents(decide(state, transferTrajectory('AGII', '2026-06-01'), at()))).toHaveLength(2);
  });

  it('rejects transferring a closed trajectory', () => {
    const { state } = trajectoryAt('CLOSED');
    expect(rejectionOf(decide(state, transferTrajectory('ATLAS', '2026-06-02'), at()))).toEqual({
      code: 'INVALID_STATE',
      field: undefined,
      message: 'trajectory is closed (MOVED_OUT_OF_FLANDERS on 2026-06-01)',
    });
  });

  it('rejects transferring a trajectory that does not exist', () => {
    expect(rejectionOf(decide(undefined, transferTrajectory('ATLAS', '2026-06-02'), at()))).toEqual({
      code: 'INVALID_STATE',
      field: undefined,
      message: 'trajectory does not exist',
    });
  });
});
