import type { Agency } from '../agency';
import { calendarDate, CalendarDate } from '../time/calendar-date';
import { computeKeyFigure, FactSets } from './compute-key-figure';
import { KEY_FIGURES, keyFigure, KeyFigureId } from './key-figures';
import type { Period } from './period';
import type { CommandFacts, TrajectoryFacts, ViolationFacts } from './trajectory-facts';
import { SOURCE_TITLES } from '../policy/sources';

const d = (value: string): CalendarDate => calendarDate(value);
const YEAR: Period = { from: d('2026-01-01'), to: d('2026-12-31') };

function trajectory(id: string, facts: Partial<TrajectoryFacts>): TrajectoryFacts {
  return {
    trajectoryId: id,
    agency: 'AGII' as Agency,
    municipality: 'Leuven',
    counsellorId: 'c-1',
    status: 'OPEN',
    registeredOn: d('2026-01-05'),
    intakeOn: null,
    contractOn: null,
    vdabRegisteredOn: null,
    vdabWithinTwoMonths: null,
    firstNt2CourseOn: null,
    daysIntakeToNt2Course: null,
    daysRegistrationToContract: null,
    firstMoTestOn: null,
    moTestAttempts: 0,
    moPassedFirstAttempt: null,
    moPassed: null,
    firstNt2TestOn: null,
    nt2TestAttempts: 0,
    nt2PassedFirstAttempt: null,
    nt2Passed: null,
    attestOn: null,
    daysRegistrationToAttest: null,
    participationRequired: false,
    participationHours: 0,
    participationCompleted: false,
    closedOn: null,
    ...facts,
  };
}

/**
 * Five trajectories, three violation files and five commands, worked out by hand:
 * - t1: contract 2026-02-10, VDAB in time; NT2 course 20 days after intake; MO failed then passed; NT2 passed at
 *   once; attest 2026-09-01 after 239 days; participation required, 40 hours, completed; counsellor c-1.
 * - t2: contract 2026-03-01, VDAB late; NT2 course 41 days after intake; MO passed at once; NT2 failed twice;
 *   participation required, 10 hours; counsellor c-1.
 * - t3: contract 2026-05-15, no VDAB; participation optional (not counted); counsellor c-2; closed 2026-11-30.
 * - t4: contract 2025-12-20 (outside 2026), VDAB in time; attest 2026-03-03 after 301 days; counsellor c-2.
 * - t5: registered 2026-06-01, no contract yet; no counsellor.
 */
const FACTS: FactSets = {
  trajectories: [
    trajectory('t1', {
      contractOn: d('2026-02-10'),
      vdabWithinTwoMonths: true,
      daysRegistrationToContract: 36,
      firstNt2CourseOn: d('2026-02-20'),
      daysIntakeToNt2Course: 20,
      firstMoTestOn: d('2026-04-01'),
      moTestAttempts: 2,
      moPassedFirstAttempt: false,
      moPassed: true,
      firstNt2TestOn: d('2026-06-01'),
      nt2TestAttempts: 1,
      nt2PassedFirstAttempt: true,
      nt2Passed: true,
      attestOn: d('2026-09-01'),
      daysRegistrationToAttest: 239,
      participationRequired: true,
      participationHours: 40,
      participationCompleted: true,
      status: 'CLOSED',
      closedOn: d('2027-01-10'),
    }),
    trajectory('t2', {
      contractOn: d('2026-03-01'),
      vdabWithinTwoMonths: false,
      daysRegistrationToContract: 55,
      firstNt2CourseOn: d('2026-03-20'),
      daysIntakeToNt2Course: 41,
      firstMoTestOn: d('2026-05-01'),
      moTestAttempts: 1,
      moPassedFirstAttempt: true,
      moPassed: true,
      firstNt2TestOn: d('2026-07-01'),
      nt2TestAttempts: 2,
      nt2PassedFirstAttempt: false,
      nt2Passed: false,
      participationRequired: true,
      participationHours: 10,
    }),
    trajectory('t3', {
      counsellorId: 'c-2',
      contractOn: d('2026-05-15'),
      vdabWithinTwoMonths: false,
      daysRegistrationToContract: 130,
      participationHours: 12,
      status: 'CLOSED',
      closedOn: d('2026-11-30'),
    }),
    trajectory('t4', {
      counsellorId: 'c-2',
      registeredOn: d('2025-05-06'),
      contractOn: d('2025-12-20'),
      vdabWithinTwoMonths: true,
      daysRegistrationToContract: 228,
      attestOn: d('2026-03-03'),
      daysRegistrationToAttest: 301,
    }),
    trajectory('t5', { counsellorId: null, registeredOn: d('2026-06-01') }),
  ],
  violations: [
    violation({ openedOn: d('2026-04-02') }),
    violation({ openedOn: d('2026-05-02'), decidedOn: d('2026-06-01'), decision: 'FINE', amountEuro: 250 }),
    violation({ openedOn: d('2025-12-01'), decidedOn: d('2026-01-15'), decision: 'NO_FINE' }),
    violation({ openedOn: d('2026-07-01'), decidedOn: d('2026-08-01'), decision: 'FINE', amountEuro: 500 }),
  ],
  // 2026-03-02 .. 2026-03-15 is two weeks: c-1 gave 3 commands, c-2 gave 1 (one outside the period).
  commands: [
    command('c-1', '2026-03-02'),
    command('c-1', '2026-03-09'),
    command('c-1', '2026-03-15'),
    command('c-2', '2026-03-10'),
    command('c-2', '2026-03-16'),
  ],
};

function violation(facts: Partial<ViolationFacts> & { openedOn: CalendarDate }): ViolationFacts {
  return {
    trajectoryId: 't1',
    agency: 'AGII',
    municipality: 'Leuven',
    counsellorId: 'c-1',
    decidedOn: null,
    decision: null,
    amountEuro: null,
    ...facts,
  };
}

function command(counsellor: string, recordedOn: string): CommandFacts {
  return {
    trajectoryId: 't1',
    counsellor,
    agency: 'AGII',
    municipality: 'Leuven',
    recordedOn: d(recordedOn),
  };
}

const of = (id: KeyFigureId, period: Period = YEAR) => computeKeyFigure(keyFigure(id), FACTS, period);

describe('key figures on a small history worked out by hand', () => {
  it('VDAB within two months: of the three contracts of 2026 (t1, t2, t3), one in time', () => {
    expect(of('vdab-registered-within-two-months')).toEqual({ value: 0.3333, numerator: 1, denominator: 3 });
  });

  it('days from intake to the NT2 course: 20 and 41 days, median = mean = 30.5', () => {
    expect(of('days-intake-to-nt2-course-median')).toEqual({ value: 30.5, numerator: null, denominator: 2 });
    expect(of('days-intake-to-nt2-course-mean')).toEqual({ value: 30.5, numerator: 61, denominator: 2 });
  });

  it('days from registration to contract: 36, 55, 130 days; median 55, mean 73.67', () => {
    expect(of('days-registration-to-contract-median')).toEqual({
      value: 55,
      numerator: null,
      denominator: 3,
    });
    expect(of('days-registration-to-contract-mean')).toEqual({
      value: 73.67,
      numerator: 221,
      denominator: 3,
    });
  });

  it('MO: t1 failed then passed, t2 passed at once: first attempt 1/2, overall 2/2', () => {
    expect(of('mo-pass-rate-first-attempt')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(of('mo-pass-rate-overall')).toEqual({ value: 1, numerator: 2, denominator: 2 });
  });

  it('NT2: t1 passed at once, t2 failed twice: first attempt 1/2, overall 1/2', () => {
    expect(of('nt2-pass-rate-first-attempt')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(of('nt2-pass-rate-overall')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('attests: two issued in 2026 (t1, t4) after 239 and 301 days, median 270', () => {
    expect(of('attests-issued')).toEqual({ value: 2, numerator: null, denominator: null });
    expect(of('days-registration-to-attest-median')).toEqual({ value: 270, numerator: null, denominator: 2 });
    expect(of('attests-issued', { from: d('2026-04-01'), to: d('2026-12-31') }).value).toBe(1);
  });

  it('fourth pillar: required for t1 (40 h, completed) and t2 (10 h); t3 optional is left out', () => {
    expect(of('participation-hours-per-person')).toEqual({ value: 25, numerator: 50, denominator: 2 });
    expect(of('participation-completed-share')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('violations: three opened in 2026, three decided, two fines of 750 euro in total', () => {
    expect(of('violations-opened').value).toBe(3);
    expect(of('violations-decided').value).toBe(3);
    expect(of('fines-imposed').value).toBe(2);
    expect(of('fines-total-euro')).toEqual({ value: 750, numerator: null, denominator: 2 });
    expect(of('fines-total-euro', { from: d('2026-01-01'), to: d('2026-06-30') }).value).toBe(250);
  });

  it('open cases per counsellor on 31 December: t1, t2 (c-1) and t4 (c-2) over two counsellors; t3 closed, t5 has none', () => {
    expect(of('open-cases-per-counsellor')).toEqual({ value: 1.5, numerator: 3, denominator: 2 });
    // On 31 October t3 was still open: 4 cases over 2 counsellors.
    expect(of('open-cases-per-counsellor', { from: d('2026-01-01'), to: d('2026-10-31') })).toEqual({
      value: 2,
      numerator: 4,
      denominator: 2,
    });
  });

  it('commands per counsellor per week: 4 commands, 2 counsellors, 2 weeks = 1', () => {
    expect(of('commands-per-counsellor-per-week', { from: d('2026-03-02'), to: d('2026-03-15') })).toEqual({
      value: 1,
      numerator: 4,
      denominator: 2,
    });
  });

  it('no facts: shares, means and medians are unknown (null), counts are zero', () => {
    const empty: FactSets = { trajectories: [], violations: [], commands: [] };
    expect(computeKeyFigure(keyFigure('vdab-registered-within-two-months'), empty, YEAR).value).toBeNull();
    expect(computeKeyFigure(keyFigure('days-intake-to-nt2-course-median'), empty, YEAR).value).toBeNull();
    expect(computeKeyFigure(keyFigure('attests-issued'), empty, YEAR).value).toBe(0);
  });

  it('every figure has a unique id, Dutch and English labels and a source among the documents', () => {
    expect(new Set(KEY_FIGURES.map((figure) => figure.id)).size).toBe(KEY_FIGURES.length);
    for (const figure of KEY_FIGURES) {
      expect(figure.label.nl && figure.label.en && figure.definition.nl && figure.definition.en).toBeTruthy();
      expect(SOURCE_TITLES).toContain(figure.source.document);
      expect(figure.source.passage).toMatch(/^(l\.\d|§)/);
    }
  });
});
