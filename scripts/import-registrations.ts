import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { request as secureRequest } from 'node:https';
import { basename } from 'node:path';
import { IMPORT_PATHS, ImportArguments, parseImportArguments } from './exchange/import-arguments';
import { progressBar } from './exchange/progress-bar';

/**
 * Command-line upload of a partner file (VDAB or Actiris registrations; with --kind a municipality's
 * participation activities or a test centre's course records): streams the file to the API (never read whole),
 * follows the import with a progress bar, prints the outcome counts and saves the problem rows as CSV.
 * `API_TOKEN=$(npm run --silent token -- vdab-system) npm run import:registrations -- registrations.csv --partner VDAB`
 */
interface ImportView {
  importId: string;
  status: string;
  totalRows: number;
  rowsDone: number;
  outcomes: Record<string, number>;
}

const POLL_MS = 500;
const REGISTRATION_LABELS: [string, string][] = [
  ['LINKED', 'linked'],
  ['ALREADY_LINKED', 'already linked'],
  ['CONFLICT', 'conflict (reconciliation queue)'],
  ['UNMATCHED', 'unmatched (reconciliation queue)'],
  ['INVALID', 'invalid'],
];
const PARTNER_RECORD_LABELS: [string, string][] = [
  ['APPLIED', 'applied'],
  ['ALREADY_APPLIED', 'already applied'],
  ['CONFLICT', 'conflict'],
  ['UNMATCHED', 'unmatched (outside your scope or no open trajectory)'],
  ['INVALID', 'invalid'],
];

async function main(): Promise<number> {
  const args = parseImportArguments(process.argv.slice(2), process.env);
  const size = (await stat(args.file)).size;
  const uploaded = await upload(args, size);
  process.stderr.write('\n');
  if (uploaded.duplicate)
    console.log(`this file was imported before as ${uploaded.importId}: nothing changes`);
  else console.log(`import ${uploaded.importId}: ${uploaded.totalRows} rows staged`);
  const done = await follow(args, uploaded.importId);
  console.log(`\n${done.totalRows} rows:`);
  const labels = args.kind === 'registrations' ? REGISTRATION_LABELS : PARTNER_RECORD_LABELS;
  for (const [outcome, label] of labels)
    console.log(`  ${String(done.outcomes[outcome] ?? 0).padStart(8)}  ${label}`);
  const problems =
    (done.outcomes.CONFLICT ?? 0) + (done.outcomes.UNMATCHED ?? 0) + (done.outcomes.INVALID ?? 0);
  if (problems > 0) {
    const csv = await get(args, `${IMPORT_PATHS[args.kind]}/${done.importId}/problems`);
    await writeFile(args.problemsFile, csv);
    console.log(`problem rows written to ${args.problemsFile}`);
  }
  return 0;
}

function upload(
  args: ImportArguments,
  size: number,
): Promise<{ importId: string; duplicate: boolean; totalRows: number }> {
  const partner = args.kind === 'registrations' ? `partner=${args.partner}&` : '';
  const url = new URL(
    `${args.apiUrl}${IMPORT_PATHS[args.kind]}?${partner}format=${args.format}&fileName=${encodeURIComponent(basename(args.file))}`,
  );
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? secureRequest : request;
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': args.format === 'CSV' ? 'text/csv' : 'application/x-ndjson',
          'Content-Length': size,
          Authorization: `Bearer ${args.token}`,
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          if (response.statusCode !== 202)
            reject(new Error(`upload refused (${response.statusCode}): ${body}`));
          else resolve(JSON.parse(body));
        });
      },
    );
    outgoing.on('error', reject);
    let sent = 0;
    const file = createReadStream(args.file);
    file.on('data', (chunk) => {
      sent += chunk.length;
      process.stderr.write(`\rupload  ${progressBar(sent, size, 30, 'bytes')}`);
    });
    file.on('error', reject);
    file.pipe(outgoing);
  });
}

async function follow(args: ImportArguments, importId: string): Promise<ImportView> {
  for (;;) {
    const view = JSON.parse(await get(args, `${IMPORT_PATHS[args.kind]}/${importId}`)) as ImportView;
    process.stderr.write(`\rimport  ${progressBar(view.rowsDone, view.totalRows)}`);
    if (view.status === 'COMPLETED') {
      process.stderr.write('\n');
      return view;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function get(args: ImportArguments, path: string): Promise<string> {
  const url = new URL(`${args.apiUrl}${path}`);
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? secureRequest : request;
    send(url, { headers: { Authorization: `Bearer ${args.token}` } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        response.statusCode === 200
          ? resolve(body)
          : reject(new Error(`GET ${path}: ${response.statusCode} ${body}`)),
      );
    })
      .on('error', reject)
      .end();
  });
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`\n${(error as Error).message}`);
      process.exit(1);
    },
  );
}
