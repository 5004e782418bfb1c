import type { SourceTitle } from '../policy/sources';
import type { CalendarDate } from '../time/calendar-date';
import type { CommandFacts, TrajectoryFacts, ViolationFacts } from './trajectory-facts';

/** The facts a figure counts over: trajectories, violation files, or counsellor commands. */
export interface FactsByPopulation {
  trajectories: TrajectoryFacts;
  violations: ViolationFacts;
  commands: CommandFacts;
}
export type Population = keyof FactsByPopulation;

type KeysOfType<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T];
export type DateFact<P extends Population> = KeysOfType<FactsByPopulation[P], CalendarDate | null>;
export type NumberFact<P extends Population> = KeysOfType<FactsByPopulation[P], number | null>;
export type BooleanFact<P extends Population> = KeysOfType<FactsByPopulation[P], boolean | null>;

/**
 * Which facts a figure counts: those whose `cohort` date falls in the period (or, for `OPEN_AT_END`, the
 * trajectories open on the period's last day), and that meet `where`.
 */
export type Selection<P extends Population> = {
  population: P;
  cohort: DateFact<P> | 'OPEN_AT_END';
  where?: { fact: keyof FactsByPopulation[P] & string; equals: boolean | string };
};

/**
 * How the selected facts become the figure:
 * - SHARE: the selected facts where `fact` is true, over those where it is known (true or false);
 * - MEDIAN / MEAN / SUM: of `fact` over the selected facts where it is known;
 * - COUNT: the number of selected facts;
 * - PER_COUNSELLOR: selected facts per distinct counsellor; PER_COUNSELLOR_WEEK: that per week of the period.
 */
export type Aggregate<P extends Population> =
  | { kind: 'SHARE'; fact: BooleanFact<P> }
  | { kind: 'MEDIAN' | 'MEAN' | 'SUM'; fact: NumberFact<P> }
  | { kind: 'COUNT' }
  | { kind: 'PER_COUNSELLOR' | 'PER_COUNSELLOR_WEEK'; counsellor: keyof FactsByPopulation[P] & string };

/** A key figure over any population. */
export type KeyFigure = { [P in Population]: KeyFigureOf<P> }[Population];

export type Unit = 'share' | 'days' | 'count' | 'hours' | 'euro' | 'per-counsellor' | 'per-counsellor-week';

export interface KeyFigureOf<P extends Population> {
  id: string;
  label: { nl: string; en: string };
  definition: { nl: string; en: string };
  unit: Unit;
  /** The document (docs/sources.md) and the passage that asks for the figure or explains why it matters. */
  source: { document: SourceTitle; passage: string };
  selection: Selection<P>;
  aggregate: Aggregate<P>;
}

/**
 * What an aggregation of the selected facts yields, whether computed here or by SQL: `selected` facts; `known`
 * of them with the aggregated fact known; `matching` (SHARE: true; SUM/MEAN: the sum); `median`; `counsellors`.
 */
export interface AggregateInputs {
  selected: number;
  known: number;
  matching: number;
  median: number | null;
  counsellors: number;
}

export interface KeyFigureValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}
