import { createReadStream } from 'node:fs';
import { rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { addDays, calendarDate, calendarDateAt, composeNationalNumber } from '../libs/domain/src';
import { startCommandPathSystem } from './command-path-system';
import { formatSeconds, log, positiveInteger, renderTable } from './measure';

/**
 * Issue 8 §1: a bulk registration file end to end, HTTP upload (streamed, staged in PostgreSQL) → import workflow
 * → batches → a RecordVdabRegistration update per link on the trajectory's own workflow → events and read models.
 * Two imports in one run, against a plain COPY of the same rows into a scratch table:
 *   1. BENCH_ROWS rows (default 50,000) that match no trajectory: the pipeline without links (staging, batches,
 *      outcomes, reconciliation queue);
 *   2. BENCH_LINKS rows (default 300) that each link an open trajectory: the cost of a link, one Temporal update on
 *      one trajectory workflow each.
 * Linking needs open trajectories with running workflows; opening 50,000 of them takes longer than the import, so
 * the link rate is measured on BENCH_LINKS and a file of BENCH_ROWS links is projected from it.
 *   npm run bench:registration-import   (BENCH_ROWS=50000 BENCH_LINKS=300)
 */
const ROWS = positiveInteger('BENCH_ROWS', 50_000);
const LINKS = positiveInteger('BENCH_LINKS', 300);
const OPEN_CONCURRENCY = 16;

async function main(): Promise<void> {
  const system = await startCommandPathSystem(4, log);
  log(system.description);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const files: string[] = [];
  try {
    const registeredOn = calendarDateAt(Date.now() - 2 * 86_400_000);
    const header = 'nationalNumber;registeredOn;office;partnerDossierId';
    const unmatched = Array.from(
      { length: ROWS },
      (_, i) =>
        `${composeNationalNumber(addDays(calendarDate('1985-01-01'), Math.floor(i / 997)), (i % 997) + 1)};${registeredOn};"VDAB Gent; loket ${i % 7}";VDAB-U${i}`,
    );
    const pipelineFile = join(tmpdir(), `bench-registrations-${process.pid}-pipeline.csv`);
    files.push(pipelineFile);
    await writeFile(pipelineFile, `${[header, ...unmatched].join('\r\n')}\r\n`, { mode: 0o644 });

    log(`opening ${LINKS} trajectories through the API`);
    const opened = await openTrajectories(system.baseUrl, LINKS);
    const linkFile = join(tmpdir(), `bench-registrations-${process.pid}-links.csv`);
    files.push(linkFile);
    await writeFile(
      linkFile,
      `${[header, ...opened.map((insz, i) => `${insz};${registeredOn};VDAB Gent;VDAB-L${i}`)].join('\r\n')}\r\n`,
      { mode: 0o644 },
    );

    const copyMs = await plainCopy(system.database.dataSource, pipelineFile);
    log(`COPY of ${ROWS} rows: ${formatSeconds(copyMs)}`);

    const pipeline = await importFile(system.baseUrl, pipelineFile);
    log(`pipeline import: ${JSON.stringify(pipeline.outcomes)}`);
    if (pipeline.outcomes.UNMATCHED !== ROWS)
      throw new Error('the pipeline import did not give every row UNMATCHED');

    const links = await importFile(system.baseUrl, linkFile);
    log(`link import: ${JSON.stringify(links.outcomes)}`);
    const [{ events, summaries }] = await system.database.dataSource.query(
      `SELECT (SELECT count(*)::int FROM events WHERE type = 'VdabRegistrationRecorded') AS events,
              (SELECT count(*)::int FROM trajectory_summaries WHERE vdab_client_reference LIKE 'VDAB-L%') AS summaries`,
    );
    if (links.outcomes.LINKED !== LINKS || events !== LINKS || summaries !== LINKS)
      throw new Error(
        `expected ${LINKS} links, events and read-model rows; got ${links.outcomes.LINKED}, ${events}, ${summaries}`,
      );

    const linkRate = (LINKS * 1000) / links.totalMs;
    const projectedMs = pipeline.totalMs + (ROWS * 1000) / linkRate;
    const rate = (rows: number, ms: number) => `${Math.round((rows * 1000) / ms).toLocaleString('en')}`;
    console.log(
      `\n${renderTable(
        ['step', 'rows', 'upload + staging', 'to last outcome', 'end to end', 'rows/s', 'x COPY time/row'],
        [
          [
            'plain COPY into a scratch table',
            String(ROWS),
            '',
            '',
            formatSeconds(copyMs),
            rate(ROWS, copyMs),
            '1.0',
          ],
          [
            'import, no links (pipeline)',
            String(ROWS),
            formatSeconds(pipeline.uploadMs),
            formatSeconds(pipeline.totalMs - pipeline.uploadMs),
            formatSeconds(pipeline.totalMs),
            rate(ROWS, pipeline.totalMs),
            (pipeline.totalMs / copyMs).toFixed(1),
          ],
          [
            'import, every row a link',
            String(LINKS),
            formatSeconds(links.uploadMs),
            formatSeconds(links.totalMs - links.uploadMs),
            formatSeconds(links.totalMs),
            rate(LINKS, links.totalMs),
            (links.totalMs / LINKS / (copyMs / ROWS)).toFixed(0),
          ],
          [
            `projected: ${ROWS} links`,
            String(ROWS),
            '',
            '',
            formatSeconds(projectedMs),
            rate(ROWS, projectedMs),
            (projectedMs / copyMs).toFixed(0),
          ],
        ],
      )}\n`,
    );
    console.log(`peak RSS of this process (API and worker together): ${Math.round(peakRss / 1048576)} MB`);
  } finally {
    clearInterval(sampler);
    for (const file of files) await rm(file, { force: true });
    await system.close();
  }
}

async function openTrajectories(baseUrl: string, count: number): Promise<string[]> {
  const numbers: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      const birthDate = addDays(calendarDate('1975-01-01'), Math.floor(index / 997));
      const nationalNumber = composeNationalNumber(birthDate, (index % 997) + 1);
      const response = await fetch(`${baseUrl}/trajectories`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `bench-open-${index}` },
        body: JSON.stringify({
          nationalNumber,
          givenName: 'Bench',
          familyName: `Newcomer ${index}`,
          birthDate,
          municipality: 'Gent',
          agency: 'IN_GENT',
          registeredOn: calendarDateAt(Date.now() - 20 * 86_400_000),
        }),
      });
      if (response.status !== 201)
        throw new Error(`open trajectory: ${response.status} ${await response.text()}`);
      numbers[index] = nationalNumber;
    }
  };
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, lane));
  return numbers;
}

async function importFile(
  baseUrl: string,
  path: string,
): Promise<{ uploadMs: number; totalMs: number; outcomes: Record<string, number> }> {
  const size = (await stat(path)).size;
  const started = performance.now();
  const response = await fetch(`${baseUrl}/registration-imports?partner=VDAB`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', 'Content-Length': String(size) },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (response.status !== 202) throw new Error(`upload: ${response.status} ${await response.text()}`);
  const { importId } = (await response.json()) as { importId: string };
  const uploadMs = performance.now() - started;
  for (;;) {
    const view = (await (await fetch(`${baseUrl}/registration-imports/${importId}`)).json()) as {
      status: string;
      outcomes: Record<string, number>;
    };
    if (view.status === 'COMPLETED')
      return { uploadMs, totalMs: performance.now() - started, outcomes: view.outcomes };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The baseline: the same file into a table of text columns with PostgreSQL's own COPY. */
async function plainCopy(
  dataSource: { query: (sql: string, parameters?: unknown[]) => Promise<unknown> },
  path: string,
): Promise<number> {
  await dataSource.query(
    `CREATE TABLE bench_copy_scratch (national_number text, registered_on text, office text, partner_dossier_id text)`,
  );
  try {
    const started = performance.now();
    await dataSource.query(
      `COPY bench_copy_scratch FROM '${path.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true, DELIMITER ';')`,
    );
    return performance.now() - started;
  } finally {
    await dataSource.query(`DROP TABLE bench_copy_scratch`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
