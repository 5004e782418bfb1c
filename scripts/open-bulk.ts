import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { csvField } from '../apps/api/src/http/csv';
import {
  BulkOpening,
  BulkOpeningSummary,
  RowReport,
} from '../apps/api/src/trajectories/bulk-opening/bulk-opening';
import { readCaseloadFile } from '../apps/api/src/trajectories/bulk-opening/caseload-file';
import { createLogger } from '../libs/logging/src';
import { createDataSource, EventStore } from '../libs/store/src';
import { OpenBulkArguments, parseOpenBulkArguments } from './bulk-opening/open-bulk-arguments';

const log = createLogger('open-bulk');
const PROBLEM_COLUMNS = ['rowNumber', 'outcome', 'field', 'reason'];

/**
 * Opens the caseload file's trajectories (see BulkOpening) and writes the rows that opened nothing to the problems
 * file (row number, outcome, field, reason: never a row's values). Streams the file, never holding it whole.
 */
export async function openCaseloadFile(
  dataSource: DataSource,
  args: OpenBulkArguments,
  onProgress?: (summary: BulkOpeningSummary) => void,
): Promise<BulkOpeningSummary> {
  let problems: WriteStream | undefined;
  const writeProblem = ({ rowNumber, outcome, problems: rowProblems }: RowReport) => {
    if (!problems) {
      problems = createWriteStream(args.problemsFile, 'utf8');
      problems.write(`${PROBLEM_COLUMNS.join(',')}\r\n`);
    }
    for (const { field, reason } of rowProblems)
      problems.write(`${[rowNumber, outcome, field, reason].map(csvField).join(',')}\r\n`);
  };
  const opening = new BulkOpening(
    new EventStore(dataSource),
    {
      agency: args.agency,
      actor: args.actor,
      actorRole: args.role,
      correlationId: `bulk-opening:${randomUUID()}`,
    },
    { batchSize: args.batchSize, onProblem: writeProblem, onProgress },
  );
  try {
    return await opening.open(readCaseloadFile(createReadStream(args.file), args.format).records);
  } finally {
    const file = problems;
    if (file)
      await new Promise<void>((resolve, reject) =>
        file.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
  }
}

/** `npm run open:bulk -- --file caseload.jsonl --agency AGII --actor <subject>` (DATABASE_URL). */
async function main(): Promise<void> {
  const args = parseOpenBulkArguments(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error('DATABASE_URL is not set (e.g. postgres://inburgering_app@127.0.0.1:5432/inburgering)');
  const dataSource = await createDataSource(databaseUrl, {
    poolSize: 2,
    applicationName: 'open-bulk',
  }).initialize();
  const started = performance.now();
  let reported = 0;
  try {
    const summary = await openCaseloadFile(dataSource, args, (progress) => {
      if (progress.rows - reported < 10_000) return;
      reported = progress.rows;
      log.info({ rows: progress.rows, opened: progress.outcomes.OPENED }, 'opening');
    });
    const seconds = (performance.now() - started) / 1000;
    const problems = summary.rows - summary.outcomes.OPENED - summary.outcomes.ALREADY_OPENED;
    log.info(
      { ...summary, seconds: Number(seconds.toFixed(1)) },
      `${summary.rows} rows in ${seconds.toFixed(1)} s: ${summary.outcomes.OPENED} opened, ` +
        `${summary.outcomes.ALREADY_OPENED} already opened, ${summary.outcomes.INVALID} invalid, ` +
        `${summary.outcomes.REFUSED} refused, ${summary.outcomes.CONFLICT} in conflict; ` +
        `${summary.workflowStartsQueued} workflows queued to start` +
        (problems ? `; the rows that opened nothing are in ${args.problemsFile}` : ''),
    );
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    log.error({ err: error }, 'bulk opening failed');
    process.exitCode = 1;
  });
}
