import type { CalendarDate } from '../time/calendar-date';
import { aggregateInputs, selectFacts } from './compute-key-figure';
import type { AggregateInputs, FactsByPopulation, KeyFigure, KeyFigureOf, Population } from './key-figure';
import type { TrajectoryFacts } from './trajectory-facts';

/**
 * What one fact adds to a figure's aggregation: the aggregation (`aggregateInputs`) of the one-fact set the figure
 * selects on its cohort day. Summed over the facts of a period they give the period's `selected`, `known` and
 * `matching`; a median is not a sum, so a MEDIAN figure's contribution also carries its `value` (whole days), and
 * the median follows from the counts per value (`medianOfCounts`). Summed read models keep these per cohort month
 * (libs/store key-figure-contributions).
 */
export interface KeyFigureContribution {
  figureId: string;
  /** The day that puts the fact in a period (the figure's cohort date). */
  cohortOn: CalendarDate;
  /** The aggregated value, for a MEDIAN figure when known; null otherwise. */
  value: number | null;
  selected: number;
  known: number;
  matching: number;
}

/** The populations whose facts have a row of their own in the read models (commands are events). */
export type SummablePopulation = Exclude<Population, 'commands'>;

/**
 * A figure whose aggregation is a sum over the facts of its cohort days: selected by a cohort date (not the open
 * cases at the period's end), over trajectories or violation files, and not counting distinct counsellors.
 */
export function isSummable(figure: KeyFigure): boolean {
  return (
    figure.selection.population !== 'commands' &&
    figure.selection.cohort !== 'OPEN_AT_END' &&
    figure.aggregate.kind !== 'PER_COUNSELLOR' &&
    figure.aggregate.kind !== 'PER_COUNSELLOR_WEEK'
  );
}

/** The fact's contribution to the figure, or undefined when the figure never selects it (no cohort day, `where`). */
export function contributionOf<P extends SummablePopulation>(
  figure: KeyFigureOf<P>,
  fact: FactsByPopulation[P],
): KeyFigureContribution | undefined {
  const cohort = figure.selection.cohort;
  if (cohort === 'OPEN_AT_END') return undefined;
  const cohortOn = (fact as unknown as Record<string, CalendarDate | null>)[cohort as string];
  if (cohortOn === null || cohortOn === undefined) return undefined;
  const selected = selectFacts(figure, [fact], { from: cohortOn, to: cohortOn });
  if (!selected.length) return undefined;
  const inputs = aggregateInputs(figure, selected);
  const value = figure.aggregate.kind === 'MEDIAN' ? inputs.median : null;
  if (value !== null && !Number.isInteger(value)) {
    throw new Error(`key figure ${figure.id}: a median is summed over whole values, not ${value}`);
  }
  return {
    figureId: figure.id,
    cohortOn,
    value,
    selected: inputs.selected,
    known: inputs.known,
    matching: inputs.matching,
  };
}

/**
 * The median of values given as counts per value (PostgreSQL's percentile_cont(0.5), as `median`): the middle
 * value, or the mean of the two middle ones.
 */
export function medianOfCounts(counts: ReadonlyMap<number, number>): number | null {
  const values = [...counts].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((sum, [, count]) => sum + count, 0);
  if (!total) return null;
  const at = (position: number) => {
    let through = 0;
    for (const [value, count] of values) {
      through += count;
      if (through >= position) return value;
    }
    throw new Error('unreachable');
  };
  return (at(Math.floor((total + 1) / 2)) + at(Math.floor(total / 2) + 1)) / 2;
}

/** The aggregation of a figure from its facts' contributions (what the summed read models add up). */
export function sumContributions(contributions: readonly KeyFigureContribution[]): AggregateInputs {
  const counts = new Map<number, number>();
  const inputs: AggregateInputs = { selected: 0, known: 0, matching: 0, median: null, counsellors: 0 };
  for (const contribution of contributions) {
    inputs.selected += contribution.selected;
    inputs.known += contribution.known;
    inputs.matching += contribution.matching;
    if (contribution.value !== null) {
      counts.set(contribution.value, (counts.get(contribution.value) ?? 0) + contribution.known);
    }
  }
  return { ...inputs, median: medianOfCounts(counts) };
}

/** A day a trajectory's standing as an open case changes: +1 from its registration, −1 from its closure. */
export interface OpenCaseChange {
  change: 'REGISTERED' | 'CLOSED';
  on: CalendarDate;
  open: 1 | -1;
}

/**
 * The days a trajectory becomes and stops being an open case (`openAtEnd`): registered on `registeredOn`, closed on
 * `closedOn` (counted from the registration when recorded before it). Summed over the changes on or before a day,
 * they give 1 when `openAtEnd` holds on that day and 0 otherwise, so the open cases at a period's end are the open
 * cases now minus the changes after that day.
 */
export function openCaseChanges(facts: TrajectoryFacts): OpenCaseChange[] {
  const registered: OpenCaseChange = { change: 'REGISTERED', on: facts.registeredOn, open: 1 };
  if (facts.closedOn === null) return [registered];
  const closedOn = facts.closedOn < facts.registeredOn ? facts.registeredOn : facts.closedOn;
  return [registered, { change: 'CLOSED', on: closedOn, open: -1 }];
}
