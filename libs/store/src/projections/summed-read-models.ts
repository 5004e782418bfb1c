import type { EntityManager } from 'typeorm';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import type { StreamBeforeAppend } from './folded-streams';
import { tableRowsOf } from './folded-streams';
import type { FoldedStream, ReadModel } from './projection';
import { SUMMED_READ_MODELS } from './read-models';
import { dropSecondaryIndexes, type SqlRunner } from './secondary-indexes';
import { quote, sqlType } from './table-rows';

/**
 * A read model whose rows are contributions (what a trajectory adds to some counts, with the properties they may be
 * grouped by), and tables of their sums, each per one grouping (a grouping set: fewer properties, fewer rows to
 * read). The rows stay a pure mapping of the folded state; the sums follow from them: the append adds (new −
 * previous) contributions in its transaction (`projectSums`, or `sumDeltas` then `addSums`), a rebuild sums all of them again (`rebuildSums`). A
 * group whose measures sum to zero has no row, on both paths.
 */
export interface SummedReadModel<Row extends object = object> extends ReadModel<Row> {
  sums: readonly Sums[];
}

export interface Sums {
  table: string;
  /** The group's properties: the sums table's unique key (NULLS NOT DISTINCT), in its order. */
  groupBy: readonly string[];
  /** The summed properties (integers). */
  measures: readonly string[];
  /**
   * A counsellor property of `groupBy` that the table groups by the counsellor's office instead (its column
   * `office_id`: counsellor_offices as it is now, null without one). A counsellor moved to another office takes
   * their sums along (the trigger on counsellor_offices, migration KeyFigureSumsByOffice1798700000002); the append
   * holds a shared lock per counsellor while it reads their office and adds to it, the move an exclusive one.
   */
  officeOf?: string;
  /**
   * For the rebuild: a sums table of the same model, not rebuilt from another one itself, whose rows this one sums
   * instead of every contribution (the same sums: each group of that table lies in one of this one's): that table
   * groups by more properties, and by the same ones but `group`, finer (a month for a year) when given; `as` is the
   * SQL of `group` from that table's row `alias`.
   */
  rebuiltFrom?: { table: string; group?: string; as?: (alias: string) => string };
}

interface SumColumns {
  table: string;
  contributions: string;
  /** `column`: in the sums table; `source`: in the contributions (differs for the office of `officeOf`). */
  groups: { column: string; source: string; type: string }[];
  measures: string[];
  /** The source column of the counsellor whose office the table groups by. */
  officeOf?: string;
}

function sumColumnsOf(metadata: EntityMetadata, sums: Sums): SumColumns {
  const column = (property: string) => {
    const found = metadata.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${metadata.tableName} has no column for ${property}`);
    return found;
  };
  return {
    table: quote(sums.table),
    contributions: quote(metadata.tableName),
    groups: sums.groupBy.map((property) => {
      const found = column(property);
      const source = quote(found.databaseName);
      const type = sqlType(found.type, found.databaseName);
      return { column: property === sums.officeOf ? '"office_id"' : source, source, type };
    }),
    measures: sums.measures.map((property) => quote(column(property).databaseName)),
    officeOf: sums.officeOf === undefined ? undefined : quote(column(sums.officeOf).databaseName),
  };
}

/** The counsellor's office as the sums by office group it (an office id, or null). */
const OFFICE_OF = (counsellor: string) =>
  `LEFT JOIN counsellor_offices member ON member.counsellor_id = ${counsellor}`;
const officeLock = (counsellor: string) => `hashtext('counsellor-office:' || ${counsellor})`;

/** What appends change in the sums tables, per table: deltas in key order. */
export type SumChanges = readonly { columns: SumColumns; deltas: Delta[] }[];

/**
 * Inside the append's transaction, before the read-model rows are written: adds each summed model's new
 * contributions of every appended stream and takes away their previous ones (those of the stored state, or the stored
 * rows when they are not its mapping). The deltas of all streams are combined and written in key order, one statement
 * per sums table, so that concurrent appends (single or bulk) lock shared sums in the same order.
 */
export async function projectSums(
  manager: EntityManager,
  appends: readonly { before: StreamBeforeAppend; after: FoldedStream }[],
): Promise<void> {
  await addSums(manager, await sumDeltas(manager, appends));
}

/**
 * `projectSums` in two steps: the deltas, computed before the read-model rows are written (they read the stored
 * contributions of streams whose rows are not their state's mapping), and `addSums`, which may come later in the
 * transaction (the sums' rows are shared by many trajectories: locked from their change to the commit).
 */
export async function sumDeltas(
  manager: EntityManager,
  appends: readonly { before: StreamBeforeAppend; after: FoldedStream }[],
): Promise<SumChanges> {
  const changes: { columns: SumColumns; deltas: Delta[] }[] = [];
  if (!appends.length) return changes;
  for (const model of SUMMED_READ_MODELS) {
    const table = tableRowsOf(manager, model.entity);
    const unmatched = appends.filter(({ before }) => !before.rowsMatchState);
    const previous = [
      ...appends
        .filter(({ before }) => before.rowsMatchState && before.stream)
        .flatMap(({ before }) =>
          model.rows(before.stream as FoldedStream).map((row) => table.toColumns(row)),
        ),
      ...(await storedContributions(
        manager,
        table.metadata,
        unmatched.map(({ after }) => after.state.trajectoryId),
      )),
    ];
    const next = appends.flatMap(({ after }) => model.rows(after).map((row) => table.toColumns(row)));
    changes.push(...sumChangesOf(table.metadata, model, previous, next));
  }
  return changes;
}

/** The contribution rows stored for these trajectories (for rows not known to be their states' mapping). */
export async function storedContributions(
  manager: EntityManager,
  metadata: EntityMetadata,
  trajectoryIds: readonly string[],
): Promise<Record<string, unknown>[]> {
  if (!trajectoryIds.length) return [];
  return manager.query<Record<string, unknown>[]>(
    `SELECT * FROM ${quote(metadata.tableName)} WHERE trajectory_id = ANY($1)`,
    [trajectoryIds],
  );
}

/**
 * What replacing `previous` contribution rows by `next` ones (in `toColumns` form) changes in each of the model's
 * sums tables. Rows present alike in both cancel out: the caller may pass only the rows that changed.
 */
export function sumChangesOf(
  metadata: EntityMetadata,
  model: SummedReadModel,
  previous: readonly Record<string, unknown>[],
  next: readonly Record<string, unknown>[],
): SumChanges {
  return model.sums.map((sums) => {
    const columns = sumColumnsOf(metadata, sums);
    return { columns, deltas: deltas(columns, previous, next) };
  });
}

/**
 * Writes the deltas `sumDeltas` computed, one statement per sums table; first, in one statement, the shared office
 * locks of the counsellors whose office any sums by office add to (per month and per year: locked once).
 */
export async function addSums(manager: EntityManager, changes: SumChanges): Promise<void> {
  const counsellors = new Set<string>();
  for (const { columns, deltas: changed } of changes) {
    if (columns.officeOf === undefined) continue;
    const counsellor = columns.groups.findIndex(({ source }) => source === columns.officeOf);
    for (const { group } of changed)
      if (group[counsellor] !== null) counsellors.add(group[counsellor] as string);
  }
  if (counsellors.size) {
    await manager.query(
      `SELECT pg_advisory_xact_lock_shared(${officeLock('id')}) FROM unnest($1::text[]) AS id`,
      [[...counsellors].sort()],
    );
  }
  for (const { columns, deltas: changed } of changes) await addToSums(manager, columns, changed);
}

type Delta = { group: unknown[]; measures: number[] };

function deltas(
  columns: SumColumns,
  previous: readonly Record<string, unknown>[],
  next: readonly Record<string, unknown>[],
): Delta[] {
  const unquoted = (name: string) => name.slice(1, -1).replace(/""/g, '"');
  const groupNames = columns.groups.map(({ source }) => unquoted(source));
  const measureNames = columns.measures.map(unquoted);
  const byGroup = new Map<string, Delta>();
  const add = (row: Record<string, unknown>, sign: number) => {
    const group = groupNames.map((name) => row[name] ?? null);
    const key = JSON.stringify(group);
    let delta = byGroup.get(key);
    if (!delta) byGroup.set(key, (delta = { group, measures: measureNames.map(() => 0) }));
    measureNames.forEach((name, index) => (delta.measures[index] += sign * Number(row[name])));
  };
  for (const row of previous) add(row, -1);
  for (const row of next) add(row, 1);
  return [...byGroup.entries()]
    .filter(([, delta]) => delta.measures.some((value) => value !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, delta]) => delta);
}

async function addToSums(
  manager: EntityManager,
  columns: SumColumns,
  changes: readonly Delta[],
): Promise<void> {
  if (!changes.length) return;
  const groups = columns.groups.map(({ column }) => column);
  const arrays = [
    ...columns.groups.map((_, index) => changes.map((change) => change.group[index])),
    ...columns.measures.map((_, index) => changes.map((change) => change.measures[index])),
  ];
  const types = [...columns.groups.map(({ type }) => type), ...columns.measures.map(() => 'bigint')];
  const unnested = `unnest(${types.map((type, index) => `$${index + 1}::${type}[]`).join(', ')})`;
  let source = `SELECT * FROM ${unnested}`;
  if (columns.officeOf !== undefined) {
    // The counsellors' office locks are held already (`addSums`).
    const counsellor = columns.groups.findIndex(({ source }) => source === columns.officeOf);
    const keys = columns.groups.map((_, index) =>
      index === counsellor ? 'member.office_id' : `d.g${index}`,
    );
    source = `SELECT ${keys.join(', ')}, ${columns.measures.map((_, index) => `sum(d.m${index})`).join(', ')}
      FROM ${unnested} AS d(${[...columns.groups.map((_, index) => `g${index}`), ...columns.measures.map((_, index) => `m${index}`)].join(', ')})
      ${OFFICE_OF(`d.g${counsellor}`)}
     GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}`;
  }
  const emptied = await manager.query<Record<string, unknown>[]>(
    `INSERT INTO ${columns.table} AS total (${[...groups, ...columns.measures].join(', ')})
     ${source}
     ON CONFLICT (${groups.join(', ')}) DO UPDATE
        SET ${columns.measures.map((measure) => `${measure} = total.${measure} + EXCLUDED.${measure}`).join(', ')}
     RETURNING ${groups.join(', ')}, ${columns.measures.map((measure) => `${measure} = 0`).join(' AND ')} AS empty`,
    arrays,
  );
  const gone = emptied.filter((row) => row.empty);
  if (!gone.length) return;
  const unquoted = groups.map((name) => name.slice(1, -1).replace(/""/g, '"'));
  await manager.query(
    `DELETE FROM ${columns.table} total
      USING unnest(${columns.groups.map(({ type }, index) => `$${index + 1}::${type}[]`).join(', ')})
            AS gone(${groups.join(', ')})
      WHERE ${groups.map((group) => `total.${group} IS NOT DISTINCT FROM gone.${group}`).join(' AND ')}
        AND ${columns.measures.map((measure) => `total.${measure} = 0`).join(' AND ')}`,
    unquoted.map((name) => gone.map((row) => row[name])),
  );
}

/**
 * After a rebuild has written every contribution: the sums of `models` (default: every summed model), recomputed from
 * all of them (or from a finer sums table recomputed before: `rebuiltFrom`), with SQL run `on` the connection that
 * wrote the contributions (default: `manager`'s). The sums tables' unique keys
 * are dropped meanwhile and built once over the sums (inserted in hash order, a row at a time, they cost twice as much
 * as the GROUP BY that computes them).
 */
export async function rebuildSums(
  manager: EntityManager,
  models: readonly SummedReadModel[] = SUMMED_READ_MODELS,
  on: SqlRunner = manager,
): Promise<void> {
  if (!models.length) return;
  const summed = models.flatMap((model) =>
    model.sums.map((sums) => ({
      ...sumColumnsOf(tableRowsOf(manager, model.entity).metadata, sums),
      rebuiltFrom: sums.rebuiltFrom && {
        ...sums.rebuiltFrom,
        at: sums.rebuiltFrom.group === undefined ? -1 : sums.groupBy.indexOf(sums.rebuiltFrom.group),
      },
    })),
  );
  // The tables rebuilt from others after those (a stable sort: the models' order otherwise).
  summed.sort((a, b) => Number(a.rebuiltFrom !== undefined) - Number(b.rebuiltFrom !== undefined));
  // Indexes dropped first: TRUNCATE would give each a new, empty file.
  const indexes = await dropSecondaryIndexes(
    on,
    models.flatMap((model) => model.sums.map(({ table }) => table)),
  );
  await on.query(`TRUNCATE ${summed.map(({ table }) => table).join(', ')}`);
  for (const columns of summed) {
    const groups = columns.groups.map(({ column }) => column);
    const from = columns.rebuiltFrom;
    if (from) {
      const keys = groups.map((column, index) =>
        index === from.at && from.as ? from.as('s') : `s.${column}`,
      );
      await on.query(
        `INSERT INTO ${columns.table} (${[...groups, ...columns.measures].join(', ')})
         SELECT ${keys.join(', ')}, ${columns.measures.map((measure) => `sum(s.${measure})`).join(', ')}
           FROM ${quote(from.table)} s
          GROUP BY ${keys.join(', ')}
         HAVING ${columns.measures.map((measure) => `sum(s.${measure}) <> 0`).join(' OR ')}`,
      );
      continue;
    }
    const keys = columns.groups.map(({ source }) =>
      source === columns.officeOf ? 'member.office_id' : `c.${source}`,
    );
    await on.query(
      `INSERT INTO ${columns.table} (${[...groups, ...columns.measures].join(', ')})
       SELECT ${keys.join(', ')}, ${columns.measures.map((measure) => `sum(c.${measure})`).join(', ')}
         FROM ${columns.contributions} c
         ${columns.officeOf !== undefined ? OFFICE_OF(`c.${columns.officeOf}`) : ''}
        GROUP BY ${keys.join(', ')}
       HAVING ${columns.measures.map((measure) => `sum(c.${measure}) <> 0`).join(' OR ')}`,
    );
  }
  for (const definition of indexes) await on.query(definition);
}
