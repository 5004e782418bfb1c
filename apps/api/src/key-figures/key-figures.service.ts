import { Injectable } from '@nestjs/common';
import { AGENCIES, AGENCY_CODES, CalendarDate } from '../../../../libs/domain/src';
import {
  AggregateInputs,
  KEY_FIGURES,
  KeyFigure,
  keyFigureValue,
  KeyFigureValue,
  Period,
} from '../../../../libs/domain/src/key-figures';
import {
  aggregatesOfFacts,
  GroupAggregate,
  Grouping,
  KeyFigureQueries,
} from '../../../../libs/store/src/key-figures';
import type { KeyFiguresFilterQuery } from './dto/key-figures.query';

export interface KeyFigureGroupValue extends KeyFigureValue {
  /** The agency code, municipality or office id; null for facts in no group (a counsellor in no office). */
  group: string | null;
  label: string | null;
}

export type KeyFigureResult = Pick<KeyFigure, 'id' | 'label' | 'definition' | 'unit' | 'source'> &
  KeyFigureValue & { groups?: KeyFigureGroupValue[] };

export interface KeyFiguresAnswer {
  period: Period;
  asOf: CalendarDate | null;
  /** READ_MODELS: aggregates over the read models now; EVENTS_AS_OF: folded from the events recorded by asOf. */
  basis: 'READ_MODELS' | 'EVENTS_AS_OF';
  groupBy: Grouping | null;
  figures: KeyFigureResult[];
}

const NOTHING: AggregateInputs = { selected: 0, known: 0, matching: 0, median: null, counsellors: 0 };

/** The key figures with their definitions and sources, now (read models) or as of a past day (events). */
@Injectable()
export class KeyFiguresService {
  constructor(private readonly queries: KeyFigureQueries) {}

  async figures(query: KeyFiguresFilterQuery, groupBy?: Grouping): Promise<KeyFiguresAnswer> {
    const total = query.toFilter();
    const grouped = query.toFilter(groupBy);
    let totals: GroupAggregate[];
    let groups: GroupAggregate[] = [];
    if (query.asOf !== undefined) {
      const [facts, officeOf] = await Promise.all([
        this.queries.factsAsOf(query.asOf as CalendarDate, total.period.from),
        this.queries.counsellorOfficesAt(query.asOf as CalendarDate),
      ]);
      totals = aggregatesOfFacts(facts, total, officeOf);
      if (groupBy) groups = aggregatesOfFacts(facts, grouped, officeOf);
    } else {
      [totals, groups] = await Promise.all([
        this.queries.aggregates(total),
        groupBy ? this.queries.aggregates(grouped) : Promise.resolve([]),
      ]);
    }
    const labels = await this.groupLabels(groupBy);
    return {
      period: total.period,
      asOf: (query.asOf as CalendarDate | undefined) ?? null,
      basis: query.asOf === undefined ? 'READ_MODELS' : 'EVENTS_AS_OF',
      groupBy: groupBy ?? null,
      figures: KEY_FIGURES.map((figure) => {
        const { id, label, definition, unit, source } = figure;
        const overall = totals.find((row) => row.figureId === id)?.inputs ?? NOTHING;
        const result: KeyFigureResult = {
          id,
          label,
          definition,
          unit,
          source,
          ...keyFigureValue(figure, overall, total.period),
        };
        if (!groupBy) return result;
        const rows = groups.filter((row) => row.figureId === id);
        const keys = new Set<string | null>([
          ...this.alwaysListed(groupBy, query),
          ...rows.map((row) => row.group),
        ]);
        result.groups = [...keys].sort(byKey).map((group) => ({
          group,
          label: group === null ? null : (labels.get(group) ?? group),
          ...keyFigureValue(figure, rows.find((row) => row.group === group)?.inputs ?? NOTHING, total.period),
        }));
        return result;
      }),
    };
  }

  /** Side by side, the agencies are listed even without facts (a zero is a figure too). */
  private alwaysListed(groupBy: Grouping, query: KeyFiguresFilterQuery): string[] {
    if (groupBy !== 'agency') return [];
    return query.agency === undefined ? [...AGENCY_CODES] : [query.agency];
  }

  private async groupLabels(groupBy: Grouping | undefined): Promise<Map<string, string>> {
    if (groupBy === 'office') return this.queries.officeNames();
    if (groupBy === 'agency') return new Map(Object.entries(AGENCIES));
    return new Map();
  }
}

function byKey(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'nl');
}
