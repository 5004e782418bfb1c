import { isAgency } from '../../agency';
import { residenceRegionOf } from '../../enforcement/violation-file-eligibility';
import { vdabRegistrationDueDate } from '../../deadlines/vdab-registration-deadline';
import { checkNationalNumber } from '../../newcomer/national-number';
import { policyVersionFor, POLICY_VERSIONS } from '../../policy/policy-versions';
import { determinePillars } from '../../pillars/applicability';
import { LITERACY_PROFILES } from '../../pillars/pillar-state';
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
import { rejection } from '../rejection';
import { evolve, TrajectoryState } from '../state';
import { determineTargetGroup, effectiveTargetGroup } from './target-group';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject, tooEarly } from './decision';
import { vdabDeadlineId } from './vdab-registration';

/** Registration with the agency, intake and contract: the main line of every trajectory. */

export function openTrajectory(command: OpenTrajectory, { today, now }: DecisionTime): Decision {
  const { newcomer } = command;
  const nationalNumber = checkNationalNumber(newcomer.nationalNumber ?? '');
  if (!nationalNumber.valid) {
    return reject(rejection('INVALID_INPUT', `nationalNumber ${nationalNumber.reason}`, 'nationalNumber'));
  }
  for (const field of ['givenName', 'familyName', 'municipality'] as const) {
    if (!newcomer[field]?.trim())
      return reject(rejection('INVALID_INPUT', `${field} must not be empty`, field));
  }
  const birthDate = pastOrToday(newcomer.birthDate, 'birthDate', today);
  if (isRejection(birthDate)) return reject(birthDate);
  if (nationalNumber.birthDate && nationalNumber.birthDate !== birthDate) {
    return reject(
      rejection(
        'RULE_VIOLATION',
        `birthDate ${birthDate} does not match the birth date ${nationalNumber.birthDate} in the national number`,
        'birthDate',
      ),
    );
  }
  if (!isAgency(command.agency))
    return reject(rejection('INVALID_INPUT', `agency "${command.agency}" is unknown`, 'agency'));
  const registeredOn = pastOrToday(command.registeredOn ?? today, 'registeredOn', today);
  if (isRejection(registeredOn)) return reject(registeredOn);
  if (registeredOn < birthDate) {
    return reject(rejection('RULE_VIOLATION', 'registeredOn must not be before birthDate', 'registeredOn'));
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
  const targetGroup = determineTargetGroup(evolve(undefined, opened), command.targetGroupFacts, {
    today,
    now,
  });
  if (typeof targetGroup === 'string')
    return reject(rejection('INVALID_INPUT', targetGroup, 'targetGroupFacts'));
  return accept(opened, ...targetGroup);
}

export function recordIntake(
  state: TrajectoryState,
  command: RecordIntake,
  { today, now }: DecisionTime,
): Decision {
  if (state.intakeOn)
    return reject(rejection('INVALID_STATE', `intake already recorded on ${state.intakeOn}`));
  const intakeOn = pastOrToday(command.intakeOn, 'intakeOn', today);
  if (isRejection(intakeOn)) return reject(intakeOn);
  if (intakeOn < state.registeredOn)
    return reject(tooEarly('intakeOn', state.registeredOn, 'the registration'));
  const literacy = command.profile?.literacy;
  if (literacy !== undefined && !LITERACY_PROFILES.includes(literacy)) {
    return reject(
      rejection(
        'INVALID_INPUT',
        `profile.literacy must be one of ${LITERACY_PROFILES.join(', ')}`,
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
    return reject(rejection('INVALID_STATE', `contract already signed on ${state.contract.signedOn}`));
  if (!state.intakeOn)
    return reject(
      rejection('INVALID_STATE', 'the contract is signed after the intake; record the intake first'),
    );
  const signedOn = pastOrToday(command.signedOn, 'signedOn', today);
  if (isRejection(signedOn)) return reject(signedOn);
  if (signedOn < state.intakeOn) return reject(tooEarly('signedOn', state.intakeOn, 'the intake'));
  const policy = policyVersionFor(signedOn);
  if (!policy) {
    return reject(
      rejection(
        'RULE_VIOLATION',
        `no policy version governs contracts signed before ${POLICY_VERSIONS[0].effectiveFrom}`,
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
