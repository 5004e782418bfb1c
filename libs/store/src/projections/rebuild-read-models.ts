import { availableParallelism } from 'node:os';
import { Client, type ClientBase, type Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ProjectionCheckpointRecord, TrajectoryStateRecord } from '../entities';
import { eventsInStreamOrder, readAhead } from './events-in-stream-order';
import { FoldedPiece, pieceFolder } from './fold-piece';
import { FoldWorkers } from './fold-workers';
import { tableRowsOf } from './folded-streams';
import { keyFigureContributions, openCaseChanges } from './key-figure-contributions.projection';
import type { ReadModel } from './projection';
import { READ_MODELS, SUMMED_READ_MODELS } from './read-models';
import { dropSecondaryIndexes, type SqlRunner } from './secondary-indexes';
import { rebuildSums } from './summed-read-models';
import { TableCopies } from './table-copies';
import { trajectoryMilestones } from './trajectory-milestones.projection';
import type { TableRows } from './table-rows';

export const READ_MODELS_CHECKPOINT = 'read-models';

export interface RebuildResult {
  eventsReplayed: number;
  streams: number;
  /** Position of the last event in the store ('0' for an empty store). */
  position: string;
  /** Wall time of the rebuild's phases, in ms (the benchmark reports them). */
  phases: RebuildPhases;
}

export interface RebuildPhases {
  /** Locking, emptying the tables, dropping their secondary indexes. */
  emptying: number;
  /** Reading, folding and writing every row (the reading, folding and writing overlap). */
  loading: number;
  /** Building the secondary indexes again. */
  indexing: number;
  /** Recomputing the sums (rebuildSums) and the checkpoint. */
  summing: number;
}

export interface RebuildOptions {
  /** Events read per COPY statement. */
  batchSize?: number;
  /** Rows written per COPY statement and table (at least; whole pieces are written)... */
  rowsPerCopy?: number;
  /** ...or bytes of COPY text, whichever comes first. */
  bytesPerCopy?: number;
  /** Bytes of events (whole streams) folded at once, by one thread. */
  pieceBytes?: number;
  /** Bytes of events read ahead of the fold, at most (the reading backend works while rows are folded or written). */
  readAheadBytes?: number;
  /** Bytes of COPY text waiting to be written, at most (the writing backend works while the next rows are folded). */
  writeAheadBytes?: number;
  /**
   * Connections that write (default 2): with 2, the read models of SECOND_WRITER_MODELS are written, indexed and summed
   * on a second connection while the first does the rest, each in a transaction of its own (see rebuildReadModels);
   * 1 writes everything in the rebuild's transaction.
   */
  writers?: 1 | 2;
  /**
   * Worker threads that fold the pieces (default: one per core the process may use but one, at least one); 0 folds
   * on this thread, and so
   * does a store of fewer than about 16 pieces (its events table's size): starting the threads would take longer.
   */
  workers?: number;
}

/**
 * The read models a second writer takes (RebuildOptions.writers): the key figures' contributions and the open-case
 * changes, whose sums are most of the rebuild's ~1 s of sums (its tail was ~1.9 s on 293,867 events), and the
 * milestones, whose seven indexes even out the two writers' tails. Their indexes and sums are built on the second
 * connection while the first builds the rest: one backend each, instead of one backend while the other core idles.
 * Without the milestones the first writer's tail ran ~0.3-0.5 s longer than the second's (the statement log); with
 * the deadlines instead, the second's ran ~0.6 s longer. A rebuild right after another heavy write gains nothing from
 * it (docs/performance.md, Rebuild).
 */
const SECOND_WRITER_MODELS: readonly ReadModel[] = [
  keyFigureContributions,
  openCaseChanges,
  trajectoryMilestones,
];

/**
 * Recomputes the stored states and every read model from the events, in one transaction (two with a second writer,
 * below): each stream is folded with
 * the domain's own `evolve`, mapped to rows by the same read models the append uses, and the rows are written with
 * COPY FREEZE (one statement per `rowsPerCopy` rows or `bytesPerCopy` bytes and table). Appends wait meanwhile
 * (SHARE lock on events), readers of the read models too (TRUNCATE). The outbox is kept: messages are caused by events once, a rebuild sends nothing.
 *
 * The events are read on a second connection, in a read-only transaction that imports the rebuilding transaction's
 * snapshot (taken under the lock, so it holds every event there is): PostgreSQL reads the next events on one
 * connection while it writes rows on the other, and worker threads fold pieces of whole streams and encode their rows
 * as COPY text in between (fold-piece); the rows are written in the order the events were read.
 *
 * With two writers (the default), SECOND_WRITER_MODELS are written on a second connection in a transaction of its
 * own, which empties, fills, indexes and sums their tables while the rebuild's transaction does the same for the
 * rest. It commits once both have done everything else, just before the rebuild's transaction: readers wait for
 * either's tables until it commits, appends for the rebuild's lock until the end, and a failure before the commits
 * rolls back both. Only a crash between the two commits would leave its tables rebuilt and the rest not (a
 * rebuild again repairs that).
 */
export async function rebuildReadModels(
  dataSource: DataSource,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 50_000;
  // 50,000 rows per statement were no faster than 5,000 (docs/performance.md, Rebuild); 8 MiB caps the states' statements.
  const rowsPerCopy = options.rowsPerCopy ?? 5_000;
  const bytesPerCopy = options.bytesPerCopy ?? 8 << 20;
  const pieceBytes = options.pieceBytes ?? 1 << 20;
  // The reading backend reads on while the folding thread starts (its modules, its first pieces at interpreter speed)
  // and the writers wait for its rows: with 32 MiB it stopped there, one core idle. 256 MiB: 0.945x the time over 12
  // cold rebuilds alternated with 32 MiB, ~70 MB more memory at peak (docs/performance.md, Rebuild).
  const readAheadBytes = options.readAheadBytes ?? 256 << 20;
  const writeAheadBytes = options.writeAheadBytes ?? 64 << 20;
  // One core is left to this thread (reading, writing) and the two backends: on 2 loaded cores a second folding
  // thread cost more CPU than it saved (docs/performance.md, Rebuild).
  const workers = options.workers ?? Math.max(1, availableParallelism() - 1);
  const writers = options.writers ?? 2;
  // The stored states, then every read model, as fold-piece maps them.
  const tables = [TrajectoryStateRecord, ...READ_MODELS.map(({ entity }) => entity)].map((entity) =>
    tableRowsOf(dataSource.manager, entity),
  );
  const columns = tables.map((table) => table.copyColumns);
  const secondModels = writers === 2 ? SECOND_WRITER_MODELS : [];
  const secondTables = new Set(secondModels.map(({ entity }) => tableRowsOf(dataSource.manager, entity)));
  const firstModels = READ_MODELS.filter((model) => !secondModels.includes(model));
  const firstTables = tables.filter((table) => !secondTables.has(table));
  // The threads load their modules while the tables are emptied. A store of fewer than about 16 pieces is folded on
  // this thread: starting the threads would take longer than folding it.
  const [{ bytes }] = await dataSource.query<{ bytes: string }[]>(
    `SELECT pg_relation_size('events')::text AS bytes`,
  );
  const threads =
    workers > 0 && Number(bytes) > 16 * pieceBytes ? new FoldWorkers(workers, columns) : undefined;
  try {
    return await dataSource.transaction(async (manager) => {
      const phases = new PhaseClock();
      await manager.query('LOCK TABLE events IN SHARE MODE');
      // Both writers empty their tables at the same time, each on its connection.
      const sizes = { rowsPerCopy, bytesPerCopy, writeAheadBytes };
      const [firstStarted, secondStarted] = await Promise.allSettled([
        startWriter(manager, firstTables, firstModels, sizes),
        secondTables.size
          ? ownConnection(dataSource).then((connection) =>
              startWriter(connection, [...secondTables], secondModels, sizes),
            )
          : undefined,
      ]);
      if (firstStarted.status === 'rejected' || secondStarted.status === 'rejected') {
        if (secondStarted.status === 'fulfilled') await secondStarted.value?.close();
        throw firstStarted.status === 'rejected'
          ? firstStarted.reason
          : (secondStarted as PromiseRejectedResult).reason;
      }
      const first = firstStarted.value;
      const second = secondStarted.value;
      let secondDone: Promise<void> | undefined;
      try {
        phases.end('emptying');

        const reader = await snapshotReader(dataSource, manager);
        let folded: { eventsReplayed: number; streams: number };
        try {
          const pieces = readAhead(eventsInStreamOrder(reader, batchSize, pieceBytes), readAheadBytes);
          const fold = threads ? (piece: Buffer) => threads.fold(piece) : pieceFolder(columns);
          folded = await foldAndCopy(pieces, fold, threads ? 2 * workers : 0, async (piece) => {
            piece.tables.forEach(({ lines, rows }, index) => {
              const table = tables[index];
              (secondTables.has(table) ? second! : first).copies.add(table, lines, rows);
            });
            await first.copies.ready();
            await second?.copies.ready();
          });
          await reader.query('COMMIT');
        } finally {
          await reader.end();
        }
        // The second writer's tail runs beside the first's.
        secondDone = second?.finish(manager);
        secondDone?.catch(() => undefined);
        await first.finish(manager, phases);

        const [{ position }] = await manager.query<{ position: string }[]>(
          'SELECT COALESCE(max(position), 0)::text AS position FROM events',
        );
        await manager.upsert(
          ProjectionCheckpointRecord,
          { name: READ_MODELS_CHECKPOINT, position, updatedAt: new Date() },
          ['name'],
        );
        await secondDone;
        await second?.commit();
        phases.end('summing');
        return { ...folded, position, phases: phases.spent };
      } finally {
        // Nothing may run on the second connection after its rollback (outside a transaction).
        await secondDone?.catch(() => undefined);
        await second?.close();
      }
    });
  } finally {
    await threads?.close();
  }
}

/** A connection that writes some of the rebuilt tables: emptied, filled by COPY, then indexed and summed. */
interface Writer {
  copies: TableCopies;
  /**
   * Writes the rows still buffered, builds the secondary indexes dropped, then the sums of its summed models (their
   * metadata from `manager`); `phases`, when given, marks the end of the load and of the indexing.
   */
  finish(manager: EntityManager, phases?: PhaseClock): Promise<void>;
  commit(): Promise<void>;
  /** Rolls back what is not committed, and ends a connection of its own. */
  close(): Promise<void>;
}

/**
 * Prepares a connection to write `tables`, the rows of `models`: its transaction's settings, the tables and the totals
 * their statement triggers keep emptied, their secondary indexes dropped. `connection` is the rebuild's transaction
 * (its entity manager, already in the transaction) or a connection of its own (a pg client: a transaction begins).
 */
async function startWriter(
  connection: EntityManager | Client,
  tables: readonly TableRows[],
  models: readonly ReadModel[],
  sizes: { rowsPerCopy: number; bytesPerCopy: number; writeAheadBytes: number },
): Promise<Writer> {
  const own = connection instanceof Client ? connection : undefined;
  const sql: SqlRunner = own
    ? {
        query: async <T>(text: string, parameters?: unknown[]) =>
          (await own.query(text, parameters)).rows as T,
      }
    : (connection as EntityManager);
  let open = Boolean(own);
  try {
    if (own) await own.query('BEGIN');
    // The stored states are large JSON documents that PostgreSQL compresses: lz4, where the server has it,
    // compresses them several times faster than the default pglz (each value records its method; reads handle both).
    await sql.query(
      `SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings
        WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`,
    );
    // The indexes are built after the load (and the sums' keys after the sums) by this backend alone. PostgreSQL plans
    // a parallel worker for tables over 8 MB, and then each builds sorted runs into shared temporary files and the
    // two merge them: for these tables that took more of this backend's CPU alone than the serial build, and longer
    // (docs/performance.md, Rebuild).
    await sql.query('SET LOCAL max_parallel_maintenance_workers = 0');
    // The secondary indexes are dropped before the tables are emptied: TRUNCATE would give each index a new, empty
    // file first (66 ms against 19 ms for the first writer's tables).
    const indexes = await dropSecondaryIndexes(
      sql,
      tables.map((table) => table.metadata.tableName),
    );
    // The totals that statement triggers keep of some read models (their triggerKeptTotals) are emptied with them:
    // their TRUNCATE triggers would DELETE every row (dead rows that every later statement scans until a VACUUM),
    // and the rows written below add their totals again, to tables as new as theirs.
    await sql.query(
      `TRUNCATE ${[
        ...tables.map((table) => table.metadata.tableName),
        ...models.flatMap((model) => model.triggerKeptTotals ?? []),
      ].join(', ')}`,
    );
    // A statement trigger (the totals above) adds each statement's rows to its totals, with one upsert per total the
    // statement touches: fewer, larger statements touch fewer (5 statements of the deadlines ~12,000 upserts of
    // 5,022 totals).
    const triggered = await tablesWithStatementTriggers(sql, tables);
    const copies = new TableCopies(
      own ?? (await connectionOf(connection as EntityManager)),
      {
        rowsPerCopy: sizes.rowsPerCopy,
        bytesPerCopy: sizes.bytesPerCopy,
        freeze: true,
        larger: {
          tables: triggered,
          rowsPerCopy: 10 * sizes.rowsPerCopy,
          bytesPerCopy: 4 * sizes.bytesPerCopy,
        },
      },
      sizes.writeAheadBytes,
    );
    return {
      copies,
      async finish(manager, phases) {
        await copies.flush();
        phases?.end('loading');
        for (const definition of indexes) await sql.query(definition);
        phases?.end('indexing');
        await rebuildSums(
          manager,
          SUMMED_READ_MODELS.filter((model) => models.includes(model)),
          sql,
        );
      },
      async commit() {
        if (!own) return;
        await own.query('COMMIT');
        open = false;
      },
      async close() {
        if (!own) return;
        await copies.idle();
        if (open) await own.query('ROLLBACK').catch(() => undefined);
        open = false;
        await own.end();
      },
    };
  } catch (error) {
    if (own) {
      if (open) await own.query('ROLLBACK').catch(() => undefined);
      await own.end();
    }
    throw error;
  }
}

/**
 * Folds the pieces (on this thread, or by worker threads with up to `ahead` pieces sent ahead) and hands their rows to
 * `write` in the order of the pieces, one after the other, answering the events and streams folded.
 */
async function foldAndCopy(
  pieces: AsyncIterable<Buffer>,
  fold: (piece: Buffer) => FoldedPiece | Promise<FoldedPiece>,
  ahead: number,
  write: (folded: FoldedPiece) => Promise<void>,
): Promise<{ eventsReplayed: number; streams: number }> {
  const result = { eventsReplayed: 0, streams: 0 };
  const written = async (folded: FoldedPiece) => {
    result.eventsReplayed += folded.events;
    result.streams += folded.streams;
    await write(folded);
  };
  const folding: Promise<FoldedPiece>[] = [];
  try {
    for await (const piece of pieces) {
      folding.push(Promise.resolve(fold(piece)));
      if (folding.length > ahead) await written(await (folding.shift() as Promise<FoldedPiece>));
    }
    for (const folded of folding.splice(0)) await written(await folded);
  } finally {
    await Promise.allSettled(folding);
  }
  return result;
}

/** The tables that have statement triggers on INSERT. */
async function tablesWithStatementTriggers(
  sql: SqlRunner,
  tables: readonly TableRows[],
): Promise<Set<TableRows>> {
  const triggered = await sql.query<{ table: string }[]>(
    `SELECT DISTINCT tgrelid::regclass::text AS table FROM pg_trigger
      WHERE tgrelid = ANY($1::regclass[]) AND NOT tgisinternal AND tgenabled <> 'D'
        AND tgtype & ${TRIGGER_TYPE_ROW} = 0 AND tgtype & ${TRIGGER_TYPE_INSERT} <> 0`,
    [tables.map((table) => table.metadata.tableName)],
  );
  const names = new Set(triggered.map(({ table }) => table));
  return new Set(tables.filter((table) => names.has(table.metadata.tableName)));
}

/** Bits of pg_trigger.tgtype (PostgreSQL's trigger.h). */
const TRIGGER_TYPE_ROW = 1 << 0;
const TRIGGER_TYPE_INSERT = 1 << 2;

/** Wall time per phase, each from the end of the one before. */
class PhaseClock {
  readonly spent: RebuildPhases = { emptying: 0, loading: 0, indexing: 0, summing: 0 };
  private last = performance.now();

  end(phase: keyof RebuildPhases): void {
    const now = performance.now();
    this.spent[phase] = now - this.last;
    this.last = now;
  }
}

/** The node-postgres connection of the transaction's query runner. */
async function connectionOf(manager: EntityManager): Promise<ClientBase> {
  if (!manager.queryRunner) throw new Error('the rebuild runs in a transaction');
  return (await manager.queryRunner.connect()) as ClientBase;
}

/** A new connection with the data source's settings, outside its pool (whose one connection the rebuild may hold). */
async function ownConnection(dataSource: DataSource): Promise<Client> {
  const client = new Client(((dataSource.driver as PostgresDriver).master as Pool).options);
  await client.connect();
  return client;
}

/**
 * A new connection (with the data source's settings, outside its pool) in a read-only transaction that sees what the
 * transaction of `manager` sees: the snapshot it exports. It reads the events by their index (see eventsInStreamOrder).
 */
async function snapshotReader(dataSource: DataSource, manager: EntityManager): Promise<Client> {
  const [{ snapshot }] = await manager.query<{ snapshot: string }[]>(
    'SELECT pg_export_snapshot() AS snapshot',
  );
  const reader = await ownConnection(dataSource);
  try {
    await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await reader.query(`SET TRANSACTION SNAPSHOT ${reader.escapeLiteral(snapshot)}`);
    // Each statement reads the next events in the order of the unique index on (stream_id, version). Past the first
    // half of the store the planner chose a parallel scan and a sort instead (three processes; ~0.5 s more CPU than
    // the index scan for 294,000 events).
    await reader.query('SET LOCAL enable_sort = off');
    await reader.query('SET LOCAL max_parallel_workers_per_gather = 0');
  } catch (error) {
    await reader.end();
    throw error;
  }
  return reader;
}
