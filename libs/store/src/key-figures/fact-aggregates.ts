import {
  aggregateInputs,
  FactSets,
  FactsByPopulation,
  KEY_FIGURES,
  KeyFigureOf,
  Population,
  selectFacts,
} from '../../../domain/src/key-figures';
import type { Grouping } from './fact-sources';
import type { KeyFigureFilter } from './key-figure-sql';
import type { GroupAggregate } from './key-figure-queries';

type AnyFacts = FactsByPopulation[Population];

/** The group a fact falls in, as the SQL's group columns say (office: the counsellor's office in `officeOf`). */
export function groupKeyOf(
  fact: AnyFacts,
  grouping: Grouping,
  officeOf: ReadonlyMap<string, string>,
): string | null {
  switch (grouping) {
    case 'agency':
      return fact.agency;
    case 'municipality':
      return fact.municipality;
    case 'office': {
      const counsellor = 'counsellor' in fact ? fact.counsellor : fact.counsellorId;
      return counsellor === null ? null : (officeOf.get(counsellor) ?? null);
    }
  }
}

/**
 * The same aggregations as `KeyFigureQueries.aggregates`, over facts in memory (the facts folded as of a past day):
 * the filter's agency, municipality and office first, then each figure's selection, per group.
 */
export function aggregatesOfFacts(
  facts: FactSets,
  filter: KeyFigureFilter,
  officeOf: ReadonlyMap<string, string>,
): GroupAggregate[] {
  const keep = (fact: AnyFacts) =>
    (filter.agency === undefined || fact.agency === filter.agency) &&
    (filter.municipality === undefined ||
      fact.municipality.toLowerCase() === filter.municipality.toLowerCase()) &&
    (filter.officeId === undefined || groupKeyOf(fact, 'office', officeOf) === filter.officeId);
  return KEY_FIGURES.flatMap((definition) => {
    const figure = definition as KeyFigureOf<Population>;
    const population = (facts[figure.selection.population] as readonly AnyFacts[]).filter(keep);
    const selected = selectFacts(figure, population, filter.period);
    const groups = new Map<string | null, AnyFacts[]>();
    if (!filter.groupBy) groups.set(null, selected);
    else {
      for (const fact of selected) {
        const key = groupKeyOf(fact, filter.groupBy, officeOf);
        const members = groups.get(key);
        if (members) members.push(fact);
        else groups.set(key, [fact]);
      }
    }
    return [...groups].map(([group, members]) => ({
      figureId: figure.id,
      group,
      inputs: aggregateInputs(figure, members),
    }));
  });
}
