import { isAgency } from '../../agency';
import { residenceRegionOf } from '../../enforcement/violation-file-eligibility';
import { vdabRegistrationDueDate } from '../../deadlines/vdab-registration-deadline';
import { checkNationalNumber, NationalNumberProblem } from '../../newcomer/national-number';
import { policyVersionFor, POLICY_VERSIONS } from '../../policy/policy-versions';
import { determinePillars } from '../../pillars/applicability';
import { LITERACY_PROFILES } from '../../pillars/pillar-state';
import { isCalendarDate } from '../../time/calendar-date';
import { OpenTrajectory, RecordContract, RecordIntake } from '../commands';
import {
  ContractSigned,
  DeadlineMet,
  DeadlineSet,
  IntakeRecorded,
  PillarsDetermined,
  TrajectoryEvent,
  trajectoryEvent,
  TrajectoryOpened,
} from '../events';
import { because, RejectionReason } from '../rejection';
import { evolve, TrajectoryState } from '../state';
import { determineTargetGroup, effectiveTargetGroup } from './target-group';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject, tooEarly } from './decision';
import { vdabDeadlineId } from './vdab-registration';

/** Registration with the agency, intake and contract: the main line of every trajectory. */

export function openTrajectory(command: OpenTrajectory, { today, now }: DecisionTime): Decision {
  const { newcomer } = command;
  const nationalNumber = checkNationalNumber(newcomer.nationalNumber ?? '');
  if (!nationalNumber.valid) {
    return reject(because(NATIONAL_NUMBER_REASONS[nationalNumber.problem], {}, 'nationalNumber'));
  }
  for (const field of ['givenName', 'familyName', 'municipality'] as const) {
    if (!newcomer[field]?.trim()) return reject(because('MUST_NOT_BE_EMPTY', { field }, field));
  }
  const birthDate = newcomer.birthDate;
  if (!isCalendarDate(birthDate)) return reject(because('NOT_A_DATE', { field: 'birthDate' }, 'birthDate'));
  // not pastOrToday: its rejection would carry the birth date, which is personal data
  if (birthDate > today) return reject(because('BIRTH_DATE_IN_FUTURE', { today }, 'birthDate'));
  if (nationalNumber.birthDate && nationalNumber.birthDate !== birthDate) {
    return reject(because('BIRTH_DATE_NOT_IN_NATIONAL_NUMBER', {}, 'birthDate'));
  }
  if (!isAgency(command.agency))
    return reject(because('UNKNOWN_AGENCY', { field: 'agency', agency: command.agency }, 'agency'));
  const registeredOn = pastOrToday(command.registeredOn ?? today, 'registeredOn', today);
  if (isRejection(registeredOn)) return reject(registeredOn);
  if (registeredOn < birthDate) {
    return reject(because('REGISTRATION_BEFORE_BIRTH', {}, 'registeredOn'));
  }
  const opened = trajectoryEvent<TrajectoryOpened>(
    'TrajectoryOpened',
    {
      trajectoryId: command.trajectoryId,
      newcomer: {
        nationalNumber: nationalNumber.nationalNumber,
        givenName: newcomer.givenName.trim(),
        familyName: newcomer.familyName.trim(),
        birthDate,
        municipality: newcomer.municipality.trim(),
      },
      agency: command.agency,
      ...(command.counsellorId ? { counsellorId: command.counsellorId } : {}),
      registeredOn,
    },
    now,
  );
  if (!command.targetGroupFacts) return accept(opened);
  const targetGroup = determineTargetGroup(
    evolve(undefined, opened),
    command.targetGroupFacts,
    { today, now },
    'targetGroupFacts',
  );
  if (!Array.isArray(targetGroup)) return reject(targetGroup);
  return accept(opened, ...targetGroup);
}

/** One reason per problem checkNationalNumber finds (none carries the number's digits: they are personal data). */
const NATIONAL_NUMBER_REASONS = {
  NOT_11_DIGITS: 'NATIONAL_NUMBER_NOT_11_DIGITS',
  CHECKSUM_MISMATCH: 'NATIONAL_NUMBER_CHECKSUM_MISMATCH',
  IMPOSSIBLE_MONTH: 'NATIONAL_NUMBER_IMPOSSIBLE_MONTH',
  IMPOSSIBLE_BIRTH_DATE: 'NATIONAL_NUMBER_IMPOSSIBLE_BIRTH_DATE',
} as const satisfies Record<NationalNumberProblem, RejectionReason>;

export function recordIntake(
  state: TrajectoryState,
  command: RecordIntake,
  { today, now }: DecisionTime,
): Decision {
  if (state.intakeOn) return reject(because('INTAKE_ALREADY_RECORDED', { intakeOn: state.intakeOn }));
  const intakeOn = pastOrToday(command.intakeOn, 'intakeOn', today);
  if (isRejection(intakeOn)) return reject(intakeOn);
  if (intakeOn < state.registeredOn) return reject(tooEarly('intakeOn', state.registeredOn, 'registration'));
  const literacy = command.profile?.literacy;
  if (literacy !== undefined && !LITERACY_PROFILES.includes(literacy)) {
    return reject(
      because(
        'MUST_BE_ONE_OF',
        { field: 'profile.literacy', allowed: LITERACY_PROFILES.join(', ') },
        'profile.literacy',
      ),
    );
  }
  return accept(
    trajectoryEvent<IntakeRecorded>(
      'IntakeRecorded',
      { intakeOn, ...(command.profile ? { profile: command.profile } : {}) },
      now,
    ),
  );
}

export function recordContract(
  state: TrajectoryState,
  command: RecordContract,
  { today, now }: DecisionTime,
): Decision {
  if (state.contract)
    return reject(because('CONTRACT_ALREADY_SIGNED', { signedOn: state.contract.signedOn }));
  if (!state.intakeOn) return reject(because('CONTRACT_WITHOUT_INTAKE'));
  const signedOn = pastOrToday(command.signedOn, 'signedOn', today);
  if (isRejection(signedOn)) return reject(signedOn);
  if (signedOn < state.intakeOn) return reject(tooEarly('signedOn', state.intakeOn, 'intake'));
  const policy = policyVersionFor(signedOn);
  if (!policy) {
    return reject(
      because(
        'CONTRACT_BEFORE_FIRST_POLICY_VERSION',
        { effectiveFrom: POLICY_VERSIONS[0].effectiveFrom },
        'signedOn',
      ),
    );
  }
  // Brussels residents register with Actiris, not VDAB (Handhaving inburgeringsbeleid §Brussel, docs/sources.md).
  const partner = residenceRegionOf(state) === 'BRUSSELS' ? 'ACTIRIS' : 'VDAB';
  const pillars = determinePillars({
    partner,
    policy,
    signedOn,
    birthDate: state.newcomer.birthDate,
    profile: state.intakeProfile,
    // Entitled newcomers, and exempt ones who follow a trajectory anyway, do so voluntarily (Beleidsplan 2020-2024 l.1147-1149).
    voluntary: ['ENTITLED', 'EXEMPT'].includes(effectiveTargetGroup(state) ?? ''),
  });
  const events: TrajectoryEvent[] = [
    trajectoryEvent<ContractSigned>('ContractSigned', { signedOn, policyVersion: policy.id }, now),
    trajectoryEvent<PillarsDetermined>('PillarsDetermined', { policyVersion: policy.id, ...pillars }, now),
  ];
  const dueOn = vdabRegistrationDueDate(policy, { contractSignedOn: signedOn, intakeOn: state.intakeOn });
  if (dueOn && policy.vdabRegistration && pillars.WORK.applicability === 'REQUIRED') {
    const kind = partner === 'ACTIRIS' ? 'ACTIRIS_REGISTRATION' : 'VDAB_REGISTRATION';
    const deadlineId = partner === 'ACTIRIS' ? `${state.trajectoryId}:${kind}` : vdabDeadlineId(state);
    events.push(
      trajectoryEvent<DeadlineSet>(
        'DeadlineSet',
        {
          deadlineId,
          kind,
          dueOn,
          anchor: policy.vdabRegistration.anchor,
          anchorOn: policy.vdabRegistration.anchor === 'CONTRACT_SIGNED' ? signedOn : state.intakeOn,
          policyVersion: policy.id,
          source: policy.vdabRegistration.source,
        },
        now,
      ),
    );
    if (state.vdabRegistration && state.vdabRegistration.registeredOn <= dueOn) {
      events.push(
        trajectoryEvent<DeadlineMet>(
          'DeadlineMet',
          { deadlineId, kind, metOn: state.vdabRegistration.registeredOn },
          now,
        ),
      );
    }
  }
  return { accepted: true, events };
}
