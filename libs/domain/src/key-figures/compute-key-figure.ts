import type { CalendarDate } from '../time/calendar-date';
import type {
  AggregateInputs,
  FactsByPopulation,
  KeyFigure,
  KeyFigureOf,
  KeyFigureValue,
  Population,
} from './key-figure';
import { inPeriod, Period, weeksIn } from './period';
import { median, rounded } from './statistics';
import type { TrajectoryFacts } from './trajectory-facts';

/** The facts of every population a figure may count over. */
export type FactSets = { [P in Population]: readonly FactsByPopulation[P][] };

/** The facts a figure counts in a period. */
export function selectFacts<P extends Population>(
  figure: KeyFigureOf<P>,
  facts: readonly FactsByPopulation[P][],
  period: Period,
): FactsByPopulation[P][] {
  const { cohort, where } = figure.selection;
  return facts.filter((fact) => {
    const record = fact as unknown as Record<string, unknown>;
    if (where && record[where.fact] !== where.equals) return false;
    if (cohort === 'OPEN_AT_END') return openAtEnd(fact as unknown as TrajectoryFacts, period);
    return inPeriod(record[cohort as string] as CalendarDate | null, period);
  });
}

/** Registered by the period's last day and not closed by then. */
export function openAtEnd(facts: TrajectoryFacts, period: Period): boolean {
  return facts.registeredOn <= period.to && (facts.closedOn === null || facts.closedOn > period.to);
}

/** The aggregation of the selected facts (what the SQL of the read model computes too). */
export function aggregateInputs<P extends Population>(
  figure: KeyFigureOf<P>,
  selected: readonly FactsByPopulation[P][],
): AggregateInputs {
  const aggregate = figure.aggregate;
  const records = selected as unknown as Record<string, unknown>[];
  const inputs: AggregateInputs = {
    selected: records.length,
    known: 0,
    matching: 0,
    median: null,
    counsellors: 0,
  };
  switch (aggregate.kind) {
    case 'SHARE': {
      const known = records
        .map((record) => record[aggregate.fact as string])
        .filter((value) => value !== null);
      return { ...inputs, known: known.length, matching: known.filter((value) => value === true).length };
    }
    case 'MEDIAN':
    case 'MEAN':
    case 'SUM': {
      const values = records
        .map((record) => record[aggregate.fact as string])
        .filter((value) => value !== null) as number[];
      return {
        ...inputs,
        known: values.length,
        matching: values.reduce((sum, value) => sum + value, 0),
        median: median(values),
      };
    }
    case 'COUNT':
      return inputs;
    case 'PER_COUNSELLOR':
    case 'PER_COUNSELLOR_WEEK': {
      const counsellors = records
        .map((record) => record[aggregate.counsellor as string])
        .filter((value) => value !== null);
      return { ...inputs, known: counsellors.length, counsellors: new Set(counsellors).size };
    }
  }
}

/** The figure from its aggregation: the one place that turns counts into the reported value. */
export function keyFigureValue(figure: KeyFigure, inputs: AggregateInputs, period: Period): KeyFigureValue {
  switch (figure.aggregate.kind) {
    case 'SHARE':
      return {
        value: inputs.known ? rounded(inputs.matching / inputs.known, 4) : null,
        numerator: inputs.matching,
        denominator: inputs.known,
      };
    case 'MEDIAN':
      return { value: rounded(inputs.median, 2), numerator: null, denominator: inputs.known };
    case 'MEAN':
      return {
        value: inputs.known ? rounded(inputs.matching / inputs.known, 2) : null,
        numerator: inputs.matching,
        denominator: inputs.known,
      };
    case 'SUM':
      return { value: rounded(inputs.matching, 2), numerator: null, denominator: inputs.known };
    case 'COUNT':
      return { value: inputs.selected, numerator: null, denominator: null };
    case 'PER_COUNSELLOR':
      return {
        value: inputs.counsellors ? rounded(inputs.known / inputs.counsellors, 2) : null,
        numerator: inputs.known,
        denominator: inputs.counsellors,
      };
    case 'PER_COUNSELLOR_WEEK':
      return {
        value: inputs.counsellors ? rounded(inputs.known / inputs.counsellors / weeksIn(period), 2) : null,
        numerator: inputs.known,
        denominator: inputs.counsellors,
      };
  }
}

/** A figure computed from the facts themselves (the figures as of a past date, and the unit tests). */
export function computeKeyFigure(figure: KeyFigure, facts: FactSets, period: Period): KeyFigureValue {
  const generic = figure as KeyFigureOf<Population>;
  const population = facts[figure.selection.population] as readonly FactsByPopulation[Population][];
  const selected = selectFacts(generic, population, period);
  return keyFigureValue(figure, aggregateInputs(generic, selected), period);
}
