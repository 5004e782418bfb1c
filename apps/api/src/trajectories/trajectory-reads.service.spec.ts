import { NotFoundException } from '@nestjs/common';
import { calendarDate } from '../../../../libs/domain/src';
import type { PillarView, TrajectorySummaryView } from '../../../../libs/store/src/read-models.types';
import { TrajectoryReadsService } from './trajectory-reads.service';

const trajectoryId = '6f0c56a2-3d5e-8b4f-9a1c-2e7d8f9a0b1c';

function pillar(overrides: Partial<PillarView> & Pick<PillarView, 'pillar' | 'details'>): PillarView {
  return {
    applicability: 'REQUIRED',
    applicabilityReason: 'policy',
    applicabilityReasonKey: null,
    applicabilityReasonParams: null,
    status: 'NOT_STARTED',
    completedOn: null,
    completionCondition: null,
    waivedOn: null,
    waiverReason: null,
    targetLevel: null,
    targetHours: null,
    hours: null,
    ...overrides,
  };
}

/** A 2023 trajectory two months after the contract: enrolled in MO, VDAB deadline still open. */
const view: TrajectorySummaryView = {
  trajectoryId,
  nationalNumber: '85073003328',
  givenName: 'Amina',
  familyName: 'Haddad',
  birthDate: '1985-07-30',
  municipality: 'Leuven',
  agency: 'AGII',
  counsellorId: 'c-17',
  status: 'OPEN',
  phase: 'CONTRACT_SIGNED',
  registeredOn: '2025-03-03',
  intakeOn: '2025-04-01',
  contractSignedOn: '2025-04-15',
  policyVersion: '2023',
  vdabRegisteredOn: null,
  vdabClientReference: null,
  closedOn: null,
  closureReason: null,
  suspensionReason: null,
  suspendedFrom: null,
  version: 9,
  updatedAt: '2025-05-05T10:00:00.000Z',
  deadlines: [
    {
      deadlineId: `${trajectoryId}:VDAB_REGISTRATION`,
      trajectoryId,
      kind: 'VDAB_REGISTRATION',
      dueOn: '2025-06-15',
      state: 'OPEN',
      metOn: null,
      policyVersion: '2023',
      source: 'BBT 2020-2021 l.1203-1205',
      agency: 'AGII',
      counsellorId: 'c-17',
      municipality: 'Leuven',
    },
  ],
  violations: [],
  targetGroup: {
    status: 'OBLIGED',
    derivedStatus: 'OBLIGED',
    ruleId: 'OBLIGED_NEWCOMER_FIRST_STAY',
    exemptionReason: null,
    exemptionGrantedOn: null,
    overrideReason: null,
  },
  intakeProfile: { working: false, studying: false, mayWork: true, literacy: 'LITERATE' },
  pillars: [
    pillar({
      pillar: 'MO',
      status: 'IN_PROGRESS',
      details: {
        enrolments: [{ provider: 'AGII', language: 'Arabic', enrolledOn: calendarDate('2025-05-05') }],
        testAttempts: [],
        attendance: [],
      },
    }),
    pillar({
      pillar: 'NT2',
      targetLevel: 'A2',
      details: { referrals: [], enrolments: [], testResults: [], attendance: [] },
    }),
    pillar({ pillar: 'WORK', details: {} }),
    pillar({ pillar: 'PARTICIPATION', targetHours: 40, hours: 12, details: { activities: [] } }),
  ],
  attest: null,
};

describe('TrajectoryReadsService.summary', () => {
  const findTrajectory = jest.fn();
  const service = new TrajectoryReadsService({ findTrajectory } as never);

  beforeEach(() => findTrajectory.mockReset());

  it("answers the store's view with the next actions, most urgent first", async () => {
    findTrajectory.mockResolvedValue(view);

    const summary = await service.summary(trajectoryId, Date.parse('2025-06-01T10:00:00Z'));

    expect(summary).toEqual({ ...view, nextActions: expect.any(Array) });
    expect(summary.nextActions).toEqual([
      {
        action: 'REGISTER_WITH_VDAB',
        key: 'REGISTER_WITH_VDAB_DUE',
        params: { dueOn: '2025-06-15' },
        description: 'Register the newcomer with VDAB: due by 2025-06-15',
        dueOn: '2025-06-15',
      },
      {
        action: 'TAKE_MO_TEST',
        key: 'TAKE_MO_TEST',
        params: {},
        description: 'The newcomer takes the standardised MO test',
      },
      {
        action: 'REFER_TO_NT2_COURSE',
        key: 'REFER_TO_NT2_COURSE',
        params: { targetLevel: 'A2' },
        description: 'Refer the newcomer to a Dutch (NT2) course (target A2)',
      },
      {
        action: 'LOG_PARTICIPATION_HOURS',
        key: 'LOG_PARTICIPATION_HOURS_TO_GO',
        params: { hours: 12, targetHours: 40, hoursToGo: 28 },
        description: 'Log participation-and-network activities: 12 of 40 hours done, 28 to go',
      },
    ]);
  });

  it('describes an open deadline as overdue from the next day in Brussels', async () => {
    findTrajectory.mockResolvedValue(view);

    // 2025-06-15T22:30Z is already 16 June in Brussels (CEST).
    const summary = await service.summary(trajectoryId, Date.parse('2025-06-15T22:30:00Z'));

    expect(summary.nextActions[0].description).toBe(
      'Register the newcomer with VDAB: was due on 2025-06-15 (overdue)',
    );
  });

  it('answers no next actions for a closed trajectory', async () => {
    findTrajectory.mockResolvedValue({
      ...view,
      status: 'CLOSED',
      closedOn: '2025-06-30',
      closureReason: 'DECEASED',
    });

    expect((await service.summary(trajectoryId)).nextActions).toEqual([]);
  });

  it('answers 404 for an unknown trajectory', async () => {
    findTrajectory.mockResolvedValue(null);

    await expect(service.summary(trajectoryId)).rejects.toBeInstanceOf(NotFoundException);
  });
});
