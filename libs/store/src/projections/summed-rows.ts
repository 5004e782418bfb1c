import { CopyText } from './copy-text';
import type { Sums } from './summed-read-models';

/** A group's values (in `groupBy` order; null for null or undefined) and its measures' sums (in `measures` order). */
export interface SummedGroup {
  group: unknown[];
  measures: number[];
}

/** Per distinct grouping (see `SumsOfRows.groupings`): its groups by key. Plain data, for a transfer between threads. */
export type SummedGroups = Map<string, SummedGroup>[];

/**
 * The sums of contribution rows per group, as `addSums` keeps them on the append path: each row adds its measures to
 * its group's (the values of the sums' `groupBy` properties), for every sums table of the summed read models. Sums
 * tables that group the same properties (per counsellor, and per the counsellor's office: grouped by counsellor here)
 * share one grouping. Pure: the rebuild's folding threads sum the rows they map, and the sums are merged afterwards.
 */
export class SumsOfRows {
  /** The distinct groupings of the models' sums, and which grouping each model's sums table uses. */
  readonly groupings: { groupBy: readonly string[]; measures: readonly string[] }[] = [];
  readonly groupingOf: number[][];
  private readonly byModel: number[][];
  readonly groups: SummedGroups;

  constructor(models: readonly { sums: readonly Sums[] }[]) {
    const indexOf = new Map<string, number>();
    this.groupingOf = models.map(({ sums }) =>
      sums.map(({ groupBy, measures }) => {
        const key = JSON.stringify([groupBy, measures]);
        let index = indexOf.get(key);
        if (index === undefined) {
          indexOf.set(key, (index = this.groupings.length));
          this.groupings.push({ groupBy, measures });
        }
        return index;
      }),
    );
    this.byModel = this.groupingOf.map((indexes) => [...new Set(indexes)]);
    this.groups = this.groupings.map(() => new Map());
  }

  /** Adds the rows of the model at `model` (its index in the models given). */
  add(model: number, rows: readonly object[]): void {
    if (!rows.length) return;
    for (const grouping of this.byModel[model]) {
      const { groupBy, measures } = this.groupings[grouping];
      const groups = this.groups[grouping];
      for (const row of rows as readonly Record<string, unknown>[]) {
        const key = groupKey(groupBy, row);
        let summed = groups.get(key);
        if (!summed) {
          summed = {
            group: groupBy.map((property) => row[property] ?? null),
            measures: measures.map(() => 0),
          };
          groups.set(key, summed);
        }
        for (let index = 0; index < measures.length; index += 1)
          summed.measures[index] += Number(row[measures[index]]);
      }
    }
  }

  /** Adds sums another SumsOfRows of the same models summed (e.g. in another thread). */
  merge(other: SummedGroups): void {
    other.forEach((groups, grouping) => {
      const into = this.groups[grouping];
      for (const [key, { group, measures }] of groups) {
        const summed = into.get(key);
        if (!summed) into.set(key, { group, measures: [...measures] });
        else measures.forEach((value, index) => (summed.measures[index] += value));
      }
    });
  }
}

/**
 * A group's values as one string (a Map key): each value after a NUL and a tag, N for null, V for a value, so that
 * null and every text differ (PostgreSQL's text holds no NUL).
 */
export function groupKey(properties: readonly string[], row: Record<string, unknown>): string {
  let key = '';
  for (const property of properties) {
    const value = row[property];
    key += value == null ? '\0N' : `\0V${String(value)}`;
  }
  return key;
}

/**
 * The rows of a sums table from its grouping's sums: with `officeAt` (the position in the group of the counsellor
 * whose office the table groups by), each counsellor's groups are merged into their office's (`offices`; null
 * without one). Groups whose measures all sum to zero have no row (as on the append path).
 */
export function sumsTableRows(
  summed: ReadonlyMap<string, SummedGroup>,
  officeAt?: { index: number; offices: ReadonlyMap<string, string> },
): SummedGroup[] {
  let groups: Iterable<SummedGroup> = summed.values();
  if (officeAt) {
    const byOffice = new Map<string, SummedGroup>();
    for (const { group, measures } of summed.values()) {
      const counsellor = group[officeAt.index];
      const officeGroup = group.map((value, index) =>
        index === officeAt.index
          ? counsellor === null
            ? null
            : (officeAt.offices.get(String(counsellor)) ?? null)
          : value,
      );
      const key = groupKey(positions(officeGroup.length), officeGroup as unknown as Record<string, unknown>);
      const office = byOffice.get(key);
      if (!office) byOffice.set(key, { group: officeGroup, measures: [...measures] });
      else measures.forEach((value, index) => (office.measures[index] += value));
    }
    groups = byOffice.values();
  }
  const rows: SummedGroup[] = [];
  for (const group of groups) if (group.measures.some((value) => value !== 0)) rows.push(group);
  return rows;
}

/**
 * A sums table as the rebuild writes it (see `rebuiltSumsTables`): the SQL types of its group columns then of its
 * measures, and the position in the group of the counsellor whose office it groups by, if it does.
 */
export interface SumsTableColumns {
  types: readonly string[];
  officeAt?: number;
}

/**
 * The rows of every sums table (`tables`: those of the summed models' sums, in their order), as COPY text in the
 * order of their columns (see SumsTableColumns), from the sums of `sums` and of `more` (those other threads summed),
 * with `offices` the office of each counsellor (counsellor_offices). Answers each table's lines and rows.
 */
export function sumsTablesText(
  sums: SumsOfRows,
  more: readonly SummedGroups[],
  tables: readonly SumsTableColumns[],
  offices: ReadonlyMap<string, string>,
): { lines: Buffer; rows: number }[] {
  for (const other of more) sums.merge(other);
  const groupings = sums.groupingOf.flat();
  if (groupings.length !== tables.length) throw new Error("the sums tables are not the summed models' sums");
  return tables.map(({ types, officeAt }, index) => {
    const rows = sumsTableRows(
      sums.groups[groupings[index]],
      officeAt === undefined ? undefined : { index: officeAt, offices },
    );
    const text = new CopyText(types.map((type, column) => ({ property: String(column), type })));
    const lines = text.lines(rows.map(({ group, measures }) => [...group, ...measures]));
    // A buffer of its own (not a slice of Node's shared pool), for a transfer.
    const buffer = Buffer.allocUnsafeSlow(Buffer.byteLength(lines));
    buffer.write(lines);
    return { lines: buffer, rows: rows.length };
  });
}

const POSITIONS: string[][] = [];

/** '0', '1', ... up to `length` (the properties of an array's items, for `groupKey`). */
function positions(length: number): string[] {
  return (POSITIONS[length] ??= Array.from({ length }, (_, index) => String(index)));
}
