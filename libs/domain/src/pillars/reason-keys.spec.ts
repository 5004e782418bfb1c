import { calendarDate } from '../time/calendar-date';
import { policyVersionById } from '../policy/policy-versions';
import { trajectoryEvent, PillarsDetermined } from '../trajectory/events';
import {
  determinePillars,
  PILLAR_REASON_KEYS,
  PillarFacts,
  PillarReasonKey,
  PillarsDetermination,
} from './applicability';
import { evolvePillars } from './evolve-pillars';
import { applicabilityReasonOf } from './pillar-state';

const d = calendarDate;

function facts(overrides: Partial<PillarFacts> = {}): PillarFacts {
  return {
    policy: policyVersionById('2023'),
    signedOn: d('2026-01-20'),
    birthDate: d('1985-07-30'),
    voluntary: false,
    ...overrides,
  };
}

/** Every way the rules decide a pillar, with the wording key they must give. */
const CASES: [string, PillarFacts, keyof ReturnType<typeof determinePillars>, PillarReasonKey][] = [
  ['MO under 2023', facts(), 'MO', 'MO_REQUIRED'],
  ['NT2, general target', facts(), 'NT2', 'NT2_TARGET'],
  ['NT2, literacy track', facts({ profile: { literacy: 'LOW_LITERATE' } }), 'NT2', 'NT2_LITERACY_TRACK'],
  [
    'WORK without a VDAB condition (2016)',
    facts({ policy: policyVersionById('2016') }),
    'WORK',
    'WORK_NOT_IN_POLICY',
  ],
  ['WORK at 70', facts({ birthDate: d('1955-01-01') }), 'WORK', 'WORK_NOT_OF_WORKING_AGE'],
  ['WORK without the right to work', facts({ profile: { mayWork: false } }), 'WORK', 'WORK_NO_RIGHT_TO_WORK'],
  ['WORK with Actiris', facts({ partner: 'ACTIRIS' }), 'WORK', 'WORK_REGISTRATION_WITHIN'],
  [
    'PARTICIPATION under 2022',
    facts({ policy: policyVersionById('2022') }),
    'PARTICIPATION',
    'PARTICIPATION_NOT_IN_POLICY',
  ],
  ['PARTICIPATION, voluntary', facts({ voluntary: true }), 'PARTICIPATION', 'PARTICIPATION_VOLUNTARY'],
  ['PARTICIPATION, works', facts({ profile: { working: true } }), 'PARTICIPATION', 'PARTICIPATION_WORKS'],
  [
    'PARTICIPATION, studies',
    facts({ profile: { studying: true } }),
    'PARTICIPATION',
    'PARTICIPATION_STUDIES',
  ],
  ['PARTICIPATION, required', facts(), 'PARTICIPATION', 'PARTICIPATION_REQUIRED'],
];

describe('pillar reason keys', () => {
  it.each(CASES)('%s: its key, with exactly the parameters the key names', (_, given, pillar, key) => {
    const determination = determinePillars(given)[pillar];
    expect(determination.reasonKey).toBe(key);
    expect(Object.keys(determination.reasonParams ?? {}).sort()).toEqual([...PILLAR_REASON_KEYS[key]].sort());
  });

  it('the parameters carry what the English reason says', () => {
    const work = determinePillars(facts({ partner: 'ACTIRIS' })).WORK;
    expect(work.reasonParams).toEqual({
      partner: 'ACTIRIS',
      amount: 2,
      unit: 'MONTHS',
      source: expect.any(String),
    });
    expect(work.reason).toContain(`Actiris registration within 2 months (${work.reasonParams?.source})`);
  });

  it('the folded state keeps the key and parameters, not the text, and the English reason is written from them', () => {
    const determined = determinePillars(facts({ partner: 'ACTIRIS', profile: { literacy: 'ILLITERATE' } }));
    const pillars = evolvePillars(undefined, pillarsDetermined(determined))!;
    expect(pillars.WORK).not.toHaveProperty('applicabilityReason');
    expect(pillars.WORK).toMatchObject({
      applicabilityReasonKey: 'WORK_REGISTRATION_WITHIN',
      applicabilityReasonParams: determined.WORK.reasonParams,
    });
    expect(applicabilityReasonOf(pillars.WORK)).toBe(
      `Actiris registration within 2 months (${determined.WORK.reasonParams!.source})`,
    );
    expect(applicabilityReasonOf(pillars.NT2)).toBe(determined.NT2.reason);
    expect(applicabilityReasonOf(pillars.NT2)).toMatch(
      /^literacy track \(alfa\): A2 for listening and speaking only \(/,
    );
  });

  it('a pillar determined by an event recorded before the keys keeps its reason as recorded', () => {
    const determined = determinePillars(facts());
    const recordedBefore = Object.fromEntries(
      Object.entries(determined).map(([pillar, determination]) => {
        const recorded: Partial<typeof determination> = { ...determination };
        delete recorded.reasonKey;
        delete recorded.reasonParams;
        return [pillar, recorded];
      }),
    ) as unknown as PillarsDetermination;
    const pillars = evolvePillars(
      undefined,
      pillarsDetermined({
        ...recordedBefore,
        WORK: { ...recordedBefore.WORK, reason: 'as recorded in 2023' },
      }),
    )!;
    expect(pillars.WORK).not.toHaveProperty('applicabilityReasonKey');
    expect(applicabilityReasonOf(pillars.WORK)).toBe('as recorded in 2023');
    expect(applicabilityReasonOf(pillars.MO)).toBe(determined.MO.reason);
  });

  it('every key is given by some case above', () => {
    expect(new Set(CASES.map(([, , , key]) => key))).toEqual(
      new Set(Object.keys(PILLAR_REASON_KEYS).filter((key) => key !== 'NT2_ADJUSTED_TARGET')),
    );
  });
});

function pillarsDetermined(determination: PillarsDetermination): PillarsDetermined {
  return trajectoryEvent<PillarsDetermined>(
    'PillarsDetermined',
    { policyVersion: '2023', ...determination },
    Date.parse('2026-01-20T09:00:00Z'),
  );
}
