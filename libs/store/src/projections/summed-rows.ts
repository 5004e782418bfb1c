import { CopyText } from './copy-text';
import type { Sums } from './summed-read-models';

/** A group's values (null for null or undefined) and its measures' sums. */
export interface SummedGroup {
  group: unknown[];
  measures: number[];
}

/** Per model: its groups by key (see `SumsOfRows`). Plain data, for a transfer between threads. */
export type SummedGroups = Map<string, SummedGroup>[];

/**
 * The sums of contribution rows, for the sums tables of the summed read models, as `addSums` keeps them on the append
 * path. As the rows come, each is added to one group per model: by every property any of its sums tables groups by
 * (one Map operation per row); each table's groups are sums of those (`sumsTablesText`), once all rows are added.
 * Pure: the rebuild's folding threads sum the rows they map, and the sums are merged afterwards.
 */
export class SumsOfRows {
  /** Per model: the properties of its groups (those of all its sums tables) and its measures (idem). */
  readonly models: { groupBy: string[]; measures: string[] }[];
  readonly groups: SummedGroups;

  constructor(models: readonly { sums: readonly Sums[] }[]) {
    const union = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];
    this.models = models.map(({ sums }) => ({
      groupBy: union(sums.map(({ groupBy }) => groupBy)),
      measures: union(sums.map(({ measures }) => measures)),
    }));
    this.groups = this.models.map(() => new Map());
  }

  /** Adds the rows of the model at `model` (its index in the models given). */
  add(model: number, rows: readonly object[]): void {
    const { groupBy, measures } = this.models[model];
    const groups = this.groups[model];
    for (const row of rows as readonly Record<string, unknown>[]) {
      const group = groupBy.map((property) => row[property] ?? null);
      const key = groupKey(group);
      const summed = groups.get(key);
      if (summed) {
        for (let index = 0; index < measures.length; index += 1)
          summed.measures[index] += Number(row[measures[index]]);
      } else groups.set(key, { group, measures: measures.map((property) => Number(row[property])) });
    }
  }

  /** Adds sums another SumsOfRows of the same models summed (e.g. in another thread). */
  merge(other: SummedGroups): void {
    other.forEach((groups, model) => addGroups(this.groups[model], groups.values()));
  }
}

/** Adds the groups' sums into `into` (by their keys). */
function addGroups(into: Map<string, SummedGroup>, groups: Iterable<SummedGroup>): void {
  for (const { group, measures } of groups) {
    const key = groupKey(group);
    const summed = into.get(key);
    if (!summed) into.set(key, { group, measures: [...measures] });
    else measures.forEach((value, index) => (summed.measures[index] += value));
  }
}

/**
 * A group's values as one string (a Map key): each value tagged N for null, V for a value, joined by NULs, so that
 * null and every text differ (PostgreSQL's text holds no NUL).
 */
function groupKey(group: readonly unknown[]): string {
  const parts = new Array<string>(group.length);
  for (let index = 0; index < group.length; index += 1) {
    const value = group[index];
    parts[index] = value === null ? 'N' : `V${String(value)}`;
  }
  return parts.join('\0');
}

/**
 * The rows of one sums table (`sums`, of the model whose groups `summed` holds, see SumsOfRows.models): the model's
 * groups summed by the table's `groupBy`; with `offices`, the counsellor property `officeOf` as their office (null
 * without one). Groups whose measures all sum to zero have no row (as on the append path).
 */
export function sumsTableRows(
  model: { groupBy: readonly string[]; measures: readonly string[] },
  summed: ReadonlyMap<string, SummedGroup>,
  sums: Pick<Sums, 'groupBy' | 'measures' | 'officeOf'>,
  offices?: ReadonlyMap<string, string>,
): SummedGroup[] {
  const at = (list: readonly string[], property: string) => {
    const index = list.indexOf(property);
    if (index < 0) throw new Error(`the sums of ${property} are not kept`);
    return index;
  };
  const groupAt = sums.groupBy.map((property) => at(model.groupBy, property));
  const measureAt = sums.measures.map((property) => at(model.measures, property));
  const officeAt = sums.officeOf === undefined ? -1 : sums.groupBy.indexOf(sums.officeOf);
  const table = new Map<string, SummedGroup>();
  for (const { group, measures } of summed.values()) {
    const projected = groupAt.map((index) => group[index]);
    if (officeAt >= 0 && projected[officeAt] !== null)
      projected[officeAt] = offices?.get(String(projected[officeAt])) ?? null;
    addGroups(table, [{ group: projected, measures: measureAt.map((index) => measures[index]) }]);
  }
  const rows: SummedGroup[] = [];
  for (const group of table.values()) if (group.measures.some((value) => value !== 0)) rows.push(group);
  return rows;
}

/**
 * A sums table as the rebuild writes it (see `rebuiltSumsTables`): the SQL types of its group columns then of its
 * measures.
 */
export interface SumsTableColumns {
  types: readonly string[];
}

/**
 * The rows of every sums table of `models` (the summed read models, in their order; `tables`: their sums tables'
 * columns, in that order) as COPY text, groups then measures, from the sums of `sums` and of `more` (those other
 * threads summed), with `offices` the office of each counsellor (counsellor_offices). Answers each table's lines and
 * rows.
 */
export function sumsTablesText(
  models: readonly { sums: readonly Sums[] }[],
  sums: SumsOfRows,
  more: readonly SummedGroups[],
  tables: readonly SumsTableColumns[],
  offices: ReadonlyMap<string, string>,
): { lines: Buffer; rows: number }[] {
  for (const other of more) sums.merge(other);
  const definitions = models.flatMap((model, index) => model.sums.map((definition) => ({ definition, index })));
  if (definitions.length !== tables.length) throw new Error("the sums tables are not the summed models' sums");
  return tables.map(({ types }, table) => {
    const { definition, index } = definitions[table];
    const rows = sumsTableRows(sums.models[index], sums.groups[index], definition, offices);
    const text = new CopyText(types.map((type, column) => ({ property: String(column), type })));
    const lines = text.lines(rows.map(({ group, measures }) => [...group, ...measures]));
    // A buffer of its own (not a slice of Node's shared pool), for a transfer.
    const buffer = Buffer.allocUnsafeSlow(Buffer.byteLength(lines));
    buffer.write(lines);
    return { lines: buffer, rows: rows.length };
  });
}
