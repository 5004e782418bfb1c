import type { DataSource } from 'typeorm';
import { evolve, TrajectoryState } from '../../../domain/src';
import {
  AggregateInputs,
  CommandFacts,
  FactSets,
  isSummable,
  KEY_FIGURES,
  KeyFigure,
  TrajectoryFacts,
  trajectoryFactsOf,
  ViolationFacts,
  violationFactsOf,
} from '../../../domain/src/key-figures';
import type { CalendarDate } from '../../../domain/src';
import { EventColumns, toTrajectoryEvent } from '../projections/folded-streams';
import { COMMAND_SOURCE } from './fact-sources';
import { KeyFigureFilter, keyFigureStatement } from './key-figure-sql';
import { openAtEndStatement, summedKeyFiguresStatement } from './summed-key-figure-sql';

/** A figure's aggregation for one group (`null`: no breakdown, or facts outside every group). */
export interface GroupAggregate {
  figureId: string;
  group: string | null;
  inputs: AggregateInputs;
}

interface AggregateRow {
  group_key: string | null;
  selected: number;
  known: number;
  matching: number;
  median: number | null;
  counsellors: number;
}

/** The key figures' reads: aggregates over the read models now, and the facts folded from the events as of a day. */
export class KeyFigureQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every figure's aggregation per group. The summable figures (libs/domain `isSummable`) in one statement over their
   * sums per cohort month (`summedKeyFiguresStatement`); the open cases at the period's end from the open cases per
   * counsellor now and the changes since (`openAtEndStatement`); the commands, and every figure when the filter
   * needs a municipality and a counsellor together, one aggregate per figure over the facts (so the open cases too for
   * a municipality). The statements run side by side on the pool.
   */
  async aggregates(filter: KeyFigureFilter): Promise<GroupAggregate[]> {
    const summed = summedKeyFiguresStatement(filter);
    if (!summed) return this.directAggregates(filter);
    const open = openAtEndStatement(filter);
    const openFigure = KEY_FIGURES.find(
      (figure) => figure.selection.cohort === 'OPEN_AT_END' && figure.aggregate.kind === 'PER_COUNSELLOR',
    );
    const [sums, openCases, others] = await Promise.all([
      this.dataSource.query<(AggregateRow & { figure_id: string })[]>(summed.sql, summed.parameters),
      open && openFigure
        ? this.dataSource.query<AggregateRow[]>(open.sql, open.parameters)
        : Promise.resolve([]),
      this.directAggregates(filter, (figure) => !isSummable(figure) && !(open && figure === openFigure)),
    ]);
    return [
      ...sums.map(({ figure_id, group_key, ...inputs }) => ({
        figureId: figure_id,
        group: group_key,
        inputs,
      })),
      ...openCases.map(({ group_key, ...inputs }) => ({
        figureId: openFigure?.id as string,
        group: group_key,
        inputs,
      })),
      ...others,
    ];
  }

  /** The figures' aggregation per group over the facts themselves: one indexed query per figure, side by side. */
  async directAggregates(
    filter: KeyFigureFilter,
    which: (figure: KeyFigure) => boolean = () => true,
  ): Promise<GroupAggregate[]> {
    const results = await Promise.all(
      KEY_FIGURES.filter(which).map(async (figure) => {
        const { sql, parameters } = keyFigureStatement(figure, filter);
        const rows = await this.dataSource.query<AggregateRow[]>(sql, parameters);
        return rows.map(({ group_key, ...inputs }) => ({ figureId: figure.id, group: group_key, inputs }));
      }),
    );
    return results.flat();
  }

  /** Office ids and names, for labelling a breakdown by office. */
  async officeNames(): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<{ office_id: string; name: string }[]>(
      'SELECT office_id, name FROM offices',
    );
    return new Map(rows.map((row) => [row.office_id, row.name]));
  }

  /**
   * Which office each counsellor belonged to at the end of `day` (Brussels): the periods the office store records
   * when a manager places or takes out a counsellor (counsellor_office_periods).
   */
  async counsellorOfficesAt(day: CalendarDate): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<{ counsellor_id: string; office_id: string }[]>(
      `SELECT counsellor_id, office_id FROM counsellor_office_periods
        WHERE from_at < ((($1::date) + 1)::timestamp AT TIME ZONE 'Europe/Brussels')
          AND (until_at IS NULL OR until_at >= ((($1::date) + 1)::timestamp AT TIME ZONE 'Europe/Brussels'))`,
      [day],
    );
    return new Map(rows.map((row) => [row.counsellor_id, row.office_id]));
  }

  /**
   * The facts as the system knew them at the end of `asOf` (Brussels): every stream's events recorded by then,
   * folded with the domain's own `evolve` and mapped by the same `trajectoryFactsOf` as the read model. Events
   * recorded later, corrections included, are not seen. Reads the store in (stream, version) order, in batches.
   */
  async factsAsOf(asOf: CalendarDate, commandsFrom: CalendarDate): Promise<FactSets> {
    const trajectories: TrajectoryFacts[] = [];
    const violations: ViolationFacts[] = [];
    const finish = (state: TrajectoryState | undefined) => {
      if (!state) return;
      trajectories.push(trajectoryFactsOf(state));
      violations.push(...violationFactsOf(state));
    };
    let current: { streamId: string; state?: TrajectoryState } | undefined;
    let after: [string, number] = ['', 0];
    for (;;) {
      const batch = await this.dataSource.query<(EventColumns & { stream_id: string; version: number })[]>(
        `SELECT stream_id, version, type, schema_version, occurred_at, data FROM events
          WHERE recorded_at < ((($1::date) + 1)::timestamp AT TIME ZONE 'Europe/Brussels')
            AND (stream_id, version) > ($2, $3)
          ORDER BY stream_id, version LIMIT 20000`,
        [asOf, ...after],
      );
      for (const record of batch) {
        if (record.stream_id !== current?.streamId) {
          finish(current?.state);
          current = { streamId: record.stream_id };
        }
        current.state = evolve(current.state, toTrajectoryEvent(record));
      }
      if (batch.length < 20000) break;
      const last = batch[batch.length - 1];
      after = [last.stream_id, last.version];
    }
    finish(current?.state);
    const commands = await this.commandsBetween(commandsFrom, asOf);
    return { trajectories, violations, commands };
  }

  /** Counsellor commands recorded from `from` to `to` (days in Brussels), with the source the SQL figures use. */
  async commandsBetween(from: CalendarDate, to: CalendarDate): Promise<CommandFacts[]> {
    const bounds = [
      `(($1::date)::timestamp AT TIME ZONE 'Europe/Brussels')`,
      `((($2::date) + 1)::timestamp AT TIME ZONE 'Europe/Brussels')`,
    ];
    const rows = await this.dataSource.query<
      {
        trajectory_id: string;
        counsellor: string;
        agency: CommandFacts['agency'];
        municipality: string;
        recorded_on: CalendarDate;
      }[]
    >(
      `SELECT f.trajectory_id, f.counsellor, f.agency, f.municipality, f.recorded_on
         FROM ${COMMAND_SOURCE.from.replace(/\$1/g, bounds[0]).replace(/\$2/g, bounds[1])}`,
      [from, to],
    );
    return rows.map((row) => ({
      trajectoryId: row.trajectory_id,
      counsellor: row.counsellor,
      agency: row.agency,
      municipality: row.municipality,
      recordedOn: row.recorded_on,
    }));
  }
}
