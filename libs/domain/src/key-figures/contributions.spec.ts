import type { Agency } from '../agency';
import { addDays, calendarDate, CalendarDate } from '../time/calendar-date';
import { aggregateInputs, openAtEnd, selectFacts } from './compute-key-figure';
import {
  contributionOf,
  isSummable,
  medianOfCounts,
  openCaseChanges,
  sumContributions,
} from './contributions';
import type { KeyFigureOf } from './key-figure';
import { KEY_FIGURES } from './key-figures';
import type { Period } from './period';
import { median } from './statistics';
import type { TrajectoryFacts, ViolationFacts } from './trajectory-facts';

const d = (value: string): CalendarDate => calendarDate(value);

/** A small deterministic generator, so the facts vary (nulls, booleans, hours in quarters) but the test is stable. */
function generator(seedValue: number) {
  let state = seedValue;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function facts(count: number) {
  const random = generator(7);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const day = () => addDays(d('2025-11-20'), Math.floor(random() * 120));
  const maybe = <T>(value: () => T): T | null => (random() < 0.3 ? null : value());
  const trajectories: TrajectoryFacts[] = [];
  const violations: ViolationFacts[] = [];
  for (let index = 0; index < count; index += 1) {
    const days = () => Math.floor(random() * 9);
    trajectories.push({
      trajectoryId: `t${index}`,
      agency: pick(['AGII', 'ATLAS', 'IN_GENT'] as Agency[]),
      municipality: pick(['Gent', 'Leuven']),
      counsellorId: maybe(() => pick(['c-1', 'c-2'])),
      status: 'OPEN',
      registeredOn: day(),
      intakeOn: maybe(day),
      contractOn: maybe(day),
      vdabRegisteredOn: null,
      vdabWithinTwoMonths: maybe(() => random() < 0.5),
      firstNt2CourseOn: maybe(day),
      daysIntakeToNt2Course: maybe(days),
      daysRegistrationToContract: maybe(days),
      firstMoTestOn: maybe(day),
      moTestAttempts: 1,
      moPassedFirstAttempt: maybe(() => random() < 0.5),
      moPassed: maybe(() => random() < 0.5),
      firstNt2TestOn: maybe(day),
      nt2TestAttempts: 1,
      nt2PassedFirstAttempt: maybe(() => random() < 0.5),
      nt2Passed: maybe(() => random() < 0.5),
      attestOn: maybe(day),
      daysRegistrationToAttest: maybe(days),
      participationRequired: random() < 0.5,
      participationHours: Math.floor(random() * 160) / 4,
      participationCompleted: random() < 0.5,
      closedOn: null,
    });
    violations.push({
      trajectoryId: `t${index}`,
      agency: 'AGII',
      municipality: 'Gent',
      counsellorId: null,
      openedOn: day(),
      decidedOn: maybe(day),
      decision: pick(['FINE', 'NO_FINE', null] as const),
      amountEuro: maybe(() => 50 + Math.floor(random() * 100)),
    });
  }
  return { trajectories, violations };
}

describe('key-figure contributions', () => {
  const { trajectories, violations } = facts(80);
  const periods: Period[] = [
    { from: d('2025-12-01'), to: d('2026-02-28') },
    { from: d('2025-12-17'), to: d('2026-01-09') },
    { from: d('2026-01-31'), to: d('2026-01-31') },
  ];

  it('summed over a period, give each summable figure’s aggregation of the facts it selects', () => {
    const summable = KEY_FIGURES.filter(isSummable);
    expect(summable.map((figure) => figure.id)).not.toContain('open-cases-per-counsellor');
    expect(summable.length).toBe(KEY_FIGURES.length - 2);
    for (const figure of summable as readonly KeyFigureOf<'trajectories' | 'violations'>[]) {
      const population = (
        figure.selection.population === 'trajectories' ? trajectories : violations
      ) as never[];
      const contributions = population.flatMap((fact) => contributionOf(figure, fact) ?? []);
      for (const period of periods) {
        const inPeriod = contributions.filter(
          (contribution) => contribution.cohortOn >= period.from && contribution.cohortOn <= period.to,
        );
        const direct = aggregateInputs(figure, selectFacts(figure, population, period));
        // Only a MEDIAN figure reports its median (the SQL aggregates compute none for the others).
        if (figure.aggregate.kind !== 'MEDIAN') direct.median = null;
        expect({ id: figure.id, ...sumContributions(inPeriod) }).toEqual({ id: figure.id, ...direct });
      }
    }
  });

  it('the median of counts per value is the median of the values', () => {
    const random = generator(11);
    for (let size = 0; size < 30; size += 1) {
      const values = Array.from({ length: size }, () => Math.floor(random() * 6));
      const counts = new Map<number, number>();
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
      expect(medianOfCounts(counts)).toBe(median(values));
    }
  });

  it('open-case changes up to a day say whether the trajectory is open at that day’s end', () => {
    const closings = [null, d('2025-11-25'), d('2025-12-10'), d('2026-01-15')];
    for (const [index, fact] of trajectories.entries()) {
      const closed = { ...fact, closedOn: closings[index % closings.length] };
      for (let offset = 0; offset < 90; offset += 1) {
        const day = addDays(d('2025-11-01'), offset);
        const open = openCaseChanges(closed)
          .filter((change) => change.on <= day)
          .reduce((sum, change) => sum + change.open, 0);
        expect({ closed, day, open }).toEqual({
          closed,
          day,
          open: openAtEnd(closed, { from: day, to: day }) ? 1 : 0,
        });
      }
    }
  });
});
