import { CITATION } from './sources';
import { calendarDate, calendarDateAt } from '../time/calendar-date';
import { POLICY_VERSIONS, PolicyVersion, policyVersionById, policyVersionFor } from './policy-versions';

const NOW = Date.parse('2026-06-15T10:00:00Z');

describe('policy versions', () => {
  describe('policyVersionFor: the version in force on the contract signing date', () => {
    it.each([
      ['1990-01-01', undefined],
      ['2015-12-31', undefined],
      ['2016-01-01', '2016'],
      ['2019-06-30', '2016'],
      ['2021-12-31', '2016'],
      ['2022-01-01', '2022'],
      ['2022-12-31', '2022'],
      ['2023-01-01', '2023'],
      ['2026-06-15', '2023'],
      ['2099-12-31', '2023'],
    ])('signed on %s: %p', (signedOn, expected) => {
      expect(policyVersionFor(calendarDate(signedOn))?.id).toBe(expected);
    });

    it('today (2026-06-15) is governed by the 2023 version', () => {
      expect(policyVersionFor(calendarDateAt(NOW))?.id).toBe('2023');
    });

    it('does not depend on the order of the versions it is given', () => {
      const shuffled = [POLICY_VERSIONS[1], POLICY_VERSIONS[2], POLICY_VERSIONS[0]];
      expect(policyVersionFor(calendarDate('2022-06-01'), shuffled)?.id).toBe('2022');
      expect(policyVersionFor(calendarDate('2016-06-01'), shuffled)?.id).toBe('2016');
      expect(policyVersionFor(calendarDate('2024-06-01'), shuffled)?.id).toBe('2023');
    });

    it('does not reorder the versions passed in', () => {
      const versions = [POLICY_VERSIONS[2], POLICY_VERSIONS[0], POLICY_VERSIONS[1]];
      policyVersionFor(calendarDate('2024-06-01'), versions);
      expect(versions.map((version) => version.id)).toEqual(['2023', '2016', '2022']);
    });

    it('a new version does not change which version governs an earlier signing date', () => {
      const future: PolicyVersion = {
        id: '2023',
        effectiveFrom: calendarDate('2030-01-01'),
        summary: 'future',
      };
      const withFuture = [...POLICY_VERSIONS, future];
      expect(policyVersionFor(calendarDate('2029-12-31'), withFuture)).toBe(POLICY_VERSIONS[2]);
      expect(policyVersionFor(calendarDate('2030-01-01'), withFuture)).toBe(future);
    });

    it('returns undefined when there are no versions', () => {
      expect(policyVersionFor(calendarDate('2026-06-15'), [])).toBeUndefined();
    });
  });

  describe('POLICY_VERSIONS', () => {
    it('lists 2016, 2022 and 2023 in order of their effective dates', () => {
      expect(POLICY_VERSIONS.map((version) => [version.id, version.effectiveFrom])).toEqual([
        ['2016', '2016-01-01'],
        ['2022', '2022-01-01'],
        ['2023', '2023-01-01'],
      ]);
    });

    it('only the 2016 version has no VDAB registration obligation', () => {
      expect(
        POLICY_VERSIONS.filter((version) => !version.vdabRegistration).map((version) => version.id),
      ).toEqual(['2016']);
    });

    it.each(
      POLICY_VERSIONS.filter((version) => version.vdabRegistration).map((version) => [version.id, version]),
    )('version %s: VDAB registration within 2 months of the contract, citing its source', (_id, version) => {
      const rule = (version as PolicyVersion).vdabRegistration;
      expect(rule).toMatchObject({ anchor: 'CONTRACT_SIGNED', amount: 2, unit: 'MONTHS' });
      expect(rule?.source).toMatch(/^BBT 2020-2021 l\.1203-1205: /);
    });

    it.each(POLICY_VERSIONS.map((version) => [version.id, version.summary]))(
      'version %s summary cites a source',
      (_id, summary) => {
        expect(summary).toMatch(/\((BBT 2020-2021|Beleidsbrief 2015-2016|Beleidsplan 2020-2024) l\.\d+/);
      },
    );
  });

  describe('policyVersionById', () => {
    it.each(['2016', '2022', '2023'] as const)('finds %s', (id) => {
      expect(policyVersionById(id).id).toBe(id);
    });

    it('throws a RangeError for an unknown id', () => {
      expect(() => policyVersionById('2030' as never)).toThrow(new RangeError('unknown policy version 2030'));
    });
  });
});

describe('policy parameters', () => {
  const parameters = (id: '2016' | '2022' | '2023') => policyVersionById(id).parameters;
  const SOURCE = CITATION;

  it.each(['2016', '2022', '2023'] as const)(
    "version %s: report to an agency within 3 months of the agency's registered letter",
    (id) => {
      expect(parameters(id).agencyRegistration.months).toBe(3);
      expect(parameters(id).agencyRegistration.source).toMatch(
        /^Verplichting tot inburgering §Aanmelden: .*registered letter/,
      );
    },
  );

  it.each([
    ['2016', 'PASS_MO', /^Beleidsbrief 2015-2016 l\.135-137: /],
    ['2022', 'PASS_STANDARDISED_MO_TEST', /^BBT 2020-2021 l\.1072-1077: /],
    ['2023', 'PASS_STANDARDISED_MO_TEST', /^BBT 2020-2021 l\.1072-1077: /],
  ] as const)('version %s: MO result %s', (id, requiredResult, source) => {
    expect(parameters(id).mo.requiredResult).toBe(requiredResult);
    expect(parameters(id).mo.source).toMatch(source);
  });

  it.each([
    ['2016', 'A1', /^public: /],
    ['2022', 'A2', /^BBT 2020-2021 l\.1109-1110: /],
    ['2023', 'A2', /^BBT 2020-2021 l\.1109-1110: /],
  ] as const)('version %s: NT2 target %s', (id, level, source) => {
    expect(parameters(id).nt2.targetLevel).toBe(level);
    expect(parameters(id).nt2.targetLevelSource).toMatch(source);
  });

  it.each(['2016', '2022', '2023'] as const)(
    'version %s: the adjusted NT2 target for low-literate learners is not set',
    (id) => {
      expect(parameters(id).nt2.lowLiterateTargetLevel).toBe('NOT_SET');
    },
  );

  it('from 2022 no lower level than A2 is set: the agency names none, BBT 2020-2021 l.1110 had left it open', () => {
    expect(parameters('2022').nt2.lowLiterateTargetLevelSource).toMatch(
      /^Verplichting tot inburgering §Nederlands .*BBT 2020-2021 l\.1110/,
    );
  });

  it.each(['2022', '2023'] as const)(
    'version %s: the literacy track (alfa) is A2 for listening and speaking only',
    (id) => {
      expect(parameters(id).nt2.literacyTrack).toEqual({
        targetLevel: 'A2',
        skills: ['LISTENING', 'SPEAKING'],
        source: expect.stringMatching(/^Verplichting tot inburgering §Nederlands: /),
      });
    },
  );

  it('version 2016 has no literacy track, no follow-up track and no declaration of effort', () => {
    expect(parameters('2016').nt2.literacyTrack).toBeUndefined();
    expect(parameters('2016').followUp).toBeUndefined();
    expect(parameters('2016').declarationOfEffort).toBeUndefined();
  });

  it.each(['2022', '2023'] as const)(
    'version %s: follow-up track B1 oral within 24 months of the attest for newcomers obliged from 1 March 2022; the declaration of effort exists',
    (id) => {
      expect(parameters(id).followUp).toEqual({
        obligedFrom: '2022-03-01',
        targetLevel: 'B1',
        skills: ['LISTENING', 'SPEAKING'],
        months: 24,
        source: expect.stringMatching(
          /^Verplichting tot inburgering §Vervolgtraject: .*BBT 2020-2021 l\.1119-1122/,
        ),
      });
      expect(parameters(id).declarationOfEffort?.source).toMatch(/^Verplichting tot inburgering §Attest: /);
    },
  );

  it('only the 2023 version has the participation pillar: 40 hours, optional for people who work, study or are voluntary', () => {
    expect(
      POLICY_VERSIONS.filter((version) => version.parameters.participation).map((version) => version.id),
    ).toEqual(['2023']);
    expect(parameters('2023').participation).toEqual({
      hours: 40,
      source: expect.stringMatching(/^Beleidsplan 2020-2024 l\.203-222: /),
      optionalFor: ['WORKING', 'STUDYING', 'VOLUNTARY_TRAJECTORY'],
      optionalForSource: expect.stringMatching(/^Beleidsplan 2020-2024 l\.1147-1149: /),
    });
  });

  it.each([
    ['2016', ['MO', 'NT2'], []],
    ['2022', ['MO', 'NT2'], ['WORK']],
    ['2023', ['MO', 'NT2'], ['WORK', 'PARTICIPATION']],
  ] as const)('version %s: attest requires %j, and %j where they apply', (id, required, whenApplicable) => {
    expect(parameters(id).attest.requiredPillars).toEqual(required);
    expect(parameters(id).attest.requiredWhenApplicable).toEqual(whenApplicable);
  });

  it.each(['2016', '2022', '2023'] as const)('version %s: fine from 50 to 5,000 euro', (id) => {
    expect(parameters(id).fine).toEqual({
      minimumEuro: 50,
      maximumEuro: 5000,
      source: expect.stringMatching(
        /^Handhaving inburgeringsbeleid §Boete: .*Actieplan integratiebeleid l\.293-295/,
      ),
    });
  });

  it.each([
    ['2016', false],
    ['2022', true],
    ['2023', true],
  ] as const)('version %s: test fee charged %p, amount not invented', (id, charged) => {
    expect(parameters(id).fee).toEqual({
      charged,
      amountEuro: null,
      source: expect.stringMatching(/^BBT 2020-2021 l\.1140-1143: /),
    });
  });

  it.each(['2016', '2022', '2023'] as const)('version %s: every parameter cites a source', (id) => {
    const p = parameters(id);
    const sources = [
      p.agencyRegistration.source,
      p.mo.source,
      p.nt2.targetLevelSource,
      p.nt2.lowLiterateTargetLevelSource,
      p.attest.source,
      p.fine.source,
      p.fee.source,
      ...(p.participation ? [p.participation.source, p.participation.optionalForSource] : []),
    ];
    sources.forEach((source) => expect(source).toMatch(SOURCE));
  });

  it('policyVersionFor without a list returns the parameterised version', () => {
    expect(policyVersionFor(calendarDate('2022-06-01'))?.parameters.nt2.targetLevel).toBe('A2');
  });
});
