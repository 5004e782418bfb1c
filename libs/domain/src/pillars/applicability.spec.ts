import { withReasonsInEnglish } from './reason-keys.fixtures';
import { POLICY_VERSIONS, policyVersionById, PolicyVersionId } from '../policy/policy-versions';
import { calendarDate, CalendarDate } from '../time/calendar-date';
import { determinePillars, PillarFacts, WORKING_AGE } from './applicability';
import { IntakeProfile } from './pillar-state';

const d = calendarDate;

/** A contract date per policy version. */
const SIGNED_ON: Record<PolicyVersionId, CalendarDate> = {
  '2016': d('2019-02-04'),
  '2022': d('2022-04-01'),
  '2023': d('2026-04-30'),
};

const params = (id: PolicyVersionId) => policyVersionById(id).parameters;
const VDAB_SOURCE = policyVersionById('2022').vdabRegistration?.source ?? '';
const OPTIONAL_FOR_SOURCE = params('2023').participation?.optionalForSource ?? '';

/** Facts for a newcomer born 1985-07-30 (of working age in every version), nothing known from the intake. */
function facts(
  policyVersion: PolicyVersionId,
  overrides: Partial<Omit<PillarFacts, 'policy'>> = {},
): PillarFacts {
  return {
    policy: policyVersionById(policyVersion),
    signedOn: SIGNED_ON[policyVersion],
    birthDate: d('1985-07-30'),
    voluntary: false,
    ...overrides,
  };
}

describe('determinePillars', () => {
  describe('per policy version', () => {
    it('2016: MO and NT2 (target A1) apply; no VDAB condition and no participation pillar', () => {
      expect(withReasonsInEnglish(determinePillars(facts('2016')))).toEqual({
        MO: { applicability: 'REQUIRED', reason: `PASS_MO (${params('2016').mo.source})` },
        NT2: {
          applicability: 'REQUIRED',
          targetLevel: 'A1',
          reason: `target A1 (${params('2016').nt2.targetLevelSource})`,
        },
        WORK: { applicability: 'NOT_APPLICABLE', reason: 'policy 2016 has no VDAB registration condition' },
        PARTICIPATION: {
          applicability: 'NOT_APPLICABLE',
          reason: `policy 2016 has no participation pillar (${params('2016').attest.source})`,
          targetHours: 0,
        },
      });
    });

    it('2022: the standardised MO test, NT2 target A2 and the VDAB registration; no participation pillar yet', () => {
      expect(withReasonsInEnglish(determinePillars(facts('2022')))).toEqual({
        MO: { applicability: 'REQUIRED', reason: `PASS_STANDARDISED_MO_TEST (${params('2022').mo.source})` },
        NT2: {
          applicability: 'REQUIRED',
          targetLevel: 'A2',
          reason: `target A2 (${params('2022').nt2.targetLevelSource})`,
        },
        WORK: { applicability: 'REQUIRED', reason: `VDAB registration within 2 months (${VDAB_SOURCE})` },
        PARTICIPATION: {
          applicability: 'NOT_APPLICABLE',
          reason: `policy 2022 has no participation pillar (${params('2022').attest.source})`,
          targetHours: 0,
        },
      });
    });

    it('2023: as 2022, plus the 40-hour participation pillar, required of an obliged newcomer who neither works nor studies', () => {
      expect(withReasonsInEnglish(determinePillars(facts('2023')))).toEqual({
        MO: { applicability: 'REQUIRED', reason: `PASS_STANDARDISED_MO_TEST (${params('2023').mo.source})` },
        NT2: {
          applicability: 'REQUIRED',
          targetLevel: 'A2',
          reason: `target A2 (${params('2023').nt2.targetLevelSource})`,
        },
        WORK: { applicability: 'REQUIRED', reason: `VDAB registration within 2 months (${VDAB_SOURCE})` },
        PARTICIPATION: {
          applicability: 'REQUIRED',
          reason:
            'not voluntary, not working or studying: the 40-hour trajectory applies (Beleidsplan 2020-2024 l.203-222)',
          targetHours: 40,
        },
      });
    });

    it.each<[PolicyVersionId, 'A1' | 'A2']>([
      ['2016', 'A1'],
      ['2022', 'A2'],
      ['2023', 'A2'],
    ])('NT2 target under %s: %s', (policyVersion, targetLevel) => {
      expect(determinePillars(facts(policyVersion)).NT2.targetLevel).toBe(targetLevel);
      expect(params(policyVersion).nt2.targetLevel).toBe(targetLevel);
    });

    it('the version decides, not the contract date: a 2016 version keeps its rules for a contract signed today', () => {
      expect(determinePillars(facts('2016', { signedOn: d('2026-04-30') }))).toEqual(
        determinePillars(facts('2016')),
      );
    });
  });

  describe('WORK: working age (18 to 64 at signing) and the right to work', () => {
    const signedOn = SIGNED_ON['2023'];
    it.each<[string, string, number, 'REQUIRED' | 'NOT_APPLICABLE']>([
      ['17, the day before the 18th birthday', '2008-05-01', 17, 'NOT_APPLICABLE'],
      ['18 on the day of signing', '2008-04-30', 18, 'REQUIRED'],
      ['40', '1985-07-30', 40, 'REQUIRED'],
      ['64, the day before the 65th birthday', '1961-05-01', 64, 'REQUIRED'],
      ['65 on the day of signing', '1961-04-30', 65, 'NOT_APPLICABLE'],
    ])('%s: %s', (_label, birthDate, age, applicability) => {
      const { WORK } = determinePillars(facts('2023', { birthDate: d(birthDate), signedOn }));
      expect(withReasonsInEnglish(WORK)).toEqual(
        applicability === 'REQUIRED'
          ? { applicability, reason: `VDAB registration within 2 months (${VDAB_SOURCE})` }
          : {
              applicability,
              reason: `not of working age (${age} when the contract was signed; ${WORKING_AGE.source})`,
            },
      );
    });

    it('the working-age bounds are 18 and 65 (exclusive)', () => {
      expect(WORKING_AGE).toMatchObject({ from: 18, untilExclusive: 65 });
    });

    it.each(['2022', '2023'] as const)('%s: no right to work: WORK does not apply', (policyVersion) => {
      expect(
        withReasonsInEnglish(determinePillars(facts(policyVersion, { profile: { mayWork: false } })).WORK),
      ).toEqual({
        applicability: 'NOT_APPLICABLE',
        reason: 'no right to work in Belgium (BBT 2020-2021 l.1206-1207 exceptions)',
      });
    });

    it.each<[string, IntakeProfile | undefined]>([
      ['no intake profile', undefined],
      ['the right to work unknown', { working: false }],
      ['the right to work', { mayWork: true }],
    ])('%s: WORK applies', (_label, profile) => {
      expect(determinePillars(facts('2023', { profile })).WORK.applicability).toBe('REQUIRED');
    });

    it('outside working age the age is the reason given, even without the right to work', () => {
      expect(
        determinePillars(facts('2023', { birthDate: d('1961-04-30'), profile: { mayWork: false } })).WORK
          .reason,
      ).toMatch(/^not of working age \(65/);
    });

    it('2016: no VDAB condition whatever the age or the right to work', () => {
      for (const birthDate of ['2001-02-05', '1985-07-30', '1950-01-01']) {
        expect(
          withReasonsInEnglish(determinePillars(facts('2016', { birthDate: d(birthDate) })).WORK),
        ).toEqual({
          applicability: 'NOT_APPLICABLE',
          reason: 'policy 2016 has no VDAB registration condition',
        });
      }
    });
  });

  describe('PARTICIPATION (2023): optional for who works, studies or follows the trajectory voluntarily', () => {
    it.each<[string, IntakeProfile | undefined, boolean, 'REQUIRED' | 'OPTIONAL', string]>([
      [
        'obliged, no profile',
        undefined,
        false,
        'REQUIRED',
        'not voluntary, not working or studying: the 40-hour trajectory applies (Beleidsplan 2020-2024 l.203-222)',
      ],
      [
        'obliged, neither working nor studying',
        { working: false, studying: false },
        false,
        'REQUIRED',
        'not voluntary, not working or studying: the 40-hour trajectory applies (Beleidsplan 2020-2024 l.203-222)',
      ],
      ['obliged, working', { working: true }, false, 'OPTIONAL', `works (${OPTIONAL_FOR_SOURCE})`],
      ['obliged, studying', { studying: true }, false, 'OPTIONAL', `studies (${OPTIONAL_FOR_SOURCE})`],
      [
        'working and studying',
        { working: true, studying: true },
        false,
        'OPTIONAL',
        `works (${OPTIONAL_FOR_SOURCE})`,
      ],
      [
        'voluntary (ENTITLED), neither working nor studying',
        { working: false, studying: false },
        true,
        'OPTIONAL',
        `follows the trajectory voluntarily (${OPTIONAL_FOR_SOURCE})`,
      ],
      [
        'voluntary and working',
        { working: true },
        true,
        'OPTIONAL',
        `follows the trajectory voluntarily (${OPTIONAL_FOR_SOURCE})`,
      ],
    ])('%s: %s', (_label, profile, voluntary, applicability, reason) => {
      expect(
        withReasonsInEnglish(determinePillars(facts('2023', { profile, voluntary })).PARTICIPATION),
      ).toEqual({
        applicability,
        reason,
        targetHours: 40,
      });
    });

    it.each(['2016', '2022'] as const)(
      '%s: does not apply to anyone, working, voluntary or not',
      (policyVersion) => {
        for (const [profile, voluntary] of [
          [undefined, false],
          [{ working: true }, false],
          [undefined, true],
        ] as const) {
          expect(determinePillars(facts(policyVersion, { profile, voluntary })).PARTICIPATION).toMatchObject({
            applicability: 'NOT_APPLICABLE',
            targetHours: 0,
          });
        }
      },
    );

    it('the version lists the same three groups as optional', () => {
      expect(params('2023').participation?.optionalFor).toEqual([
        'WORKING',
        'STUDYING',
        'VOLUNTARY_TRAJECTORY',
      ]);
    });
  });

  describe('NT2 for illiterate and low-literate learners', () => {
    it('2016: no literacy track and no adjusted target, so the general target applies', () => {
      for (const literacy of ['LITERATE', 'LOW_LITERATE', 'ILLITERATE'] as const) {
        expect(determinePillars(facts('2016', { profile: { literacy } })).NT2).toEqual(
          determinePillars(facts('2016')).NT2,
        );
      }
    });

    it.each(['2022', '2023'] as const)(
      '%s: the literacy track (alfa) is A2 for listening and speaking only; literate learners keep all four skills',
      (policyVersion) => {
        for (const literacy of ['LOW_LITERATE', 'ILLITERATE'] as const) {
          expect(
            withReasonsInEnglish(determinePillars(facts(policyVersion, { profile: { literacy } })).NT2),
          ).toEqual({
            applicability: 'REQUIRED',
            targetLevel: 'A2',
            skills: ['LISTENING', 'SPEAKING'],
            reason: expect.stringMatching(
              /^literacy track \(alfa\): A2 for listening and speaking only \(Verplichting tot inburgering §Nederlands: /,
            ),
          });
        }
        expect(determinePillars(facts(policyVersion, { profile: { literacy: 'LITERATE' } })).NT2).toEqual(
          determinePillars(facts(policyVersion)).NT2,
        );
      },
    );

    it('a version with an adjusted target uses it for illiterate and low-literate learners only, and says why', () => {
      const base = POLICY_VERSIONS[2];
      const adjusted = {
        ...base,
        parameters: {
          ...base.parameters,
          nt2: {
            ...base.parameters.nt2,
            literacyTrack: undefined,
            lowLiterateTargetLevel: 'A1' as const,
            lowLiterateTargetLevelSource: 'test',
          },
        },
      };
      const at = (literacy: IntakeProfile['literacy']) =>
        determinePillars({ ...facts('2023', { profile: { literacy } }), policy: adjusted }).NT2;
      expect(withReasonsInEnglish(at('LOW_LITERATE'))).toEqual({
        applicability: 'REQUIRED',
        targetLevel: 'A1',
        reason: 'adjusted target A1 for a low-literate learner (test)',
      });
      expect(withReasonsInEnglish(at('ILLITERATE'))).toEqual({
        applicability: 'REQUIRED',
        targetLevel: 'A1',
        reason: 'adjusted target A1 for a non-literate learner (test)',
      });
      expect(at('LITERATE')).toMatchObject({ targetLevel: 'A2' });
    });
  });

  it('MO is required in every version, whatever the profile', () => {
    for (const policyVersion of ['2016', '2022', '2023'] as const) {
      const pillars = determinePillars(
        facts(policyVersion, { profile: { working: true, mayWork: false }, voluntary: true }),
      );
      expect(pillars.MO.applicability).toBe('REQUIRED');
    }
  });
});
