import { Agency, AGENCY_CODES } from '../../libs/domain/src';
import { fileFormat, readCommandLine } from '../exchange/command-line';

/** The roles that open an agency's caseload at once. */
const OPENER_ROLES = ['operator', 'manager'] as const;

export interface OpenBulkArguments {
  file: string;
  format: 'CSV' | 'JSONL';
  agency: Agency;
  /** The operator's subject, recorded as the events' actor. */
  actor: string;
  role: (typeof OPENER_ROLES)[number];
  batchSize: number;
  problemsFile: string;
}

export const USAGE =
  'usage: DATABASE_URL=... npm run open:bulk -- --file <caseload.jsonl|caseload.csv> --agency AGII|ATLAS|IN_GENT ' +
  '--actor <your subject> [--role operator|manager] [--format CSV|JSONL] [--batch-size 1000] [--problems <out.csv>]';

/** Reads the command line; throws with the usage and the reason on anything it does not understand. */
export function parseOpenBulkArguments(argv: readonly string[]): OpenBulkArguments {
  const { options, positional } = readCommandLine(
    argv,
    ['file', 'agency', 'actor', 'role', 'format', 'batch-size', 'problems'],
    USAGE,
  );
  const file = options.get('file') ?? (positional.length === 1 ? positional[0] : undefined);
  if (!file || positional.length > (options.has('file') ? 0 : 1))
    throw new Error(`give exactly one file\n${USAGE}`);
  const agency = options.get('agency')?.toUpperCase();
  if (!agency || !(AGENCY_CODES as readonly string[]).includes(agency))
    throw new Error(`--agency must be one of ${AGENCY_CODES.join(', ')}\n${USAGE}`);
  const actor = options.get('actor')?.trim();
  if (!actor)
    throw new Error(`--actor (your subject) is required: it is recorded with every event\n${USAGE}`);
  const role = (options.get('role') ?? 'operator').toLowerCase();
  if (!(OPENER_ROLES as readonly string[]).includes(role))
    throw new Error(`--role must be one of ${OPENER_ROLES.join(', ')}\n${USAGE}`);
  const batchSize = Number(options.get('batch-size') ?? 1_000);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 20_000)
    throw new Error(`--batch-size must be an integer from 1 to 20000\n${USAGE}`);
  return {
    file,
    format: fileFormat(file, options.get('format'), USAGE),
    agency: agency as Agency,
    actor,
    role: role as OpenBulkArguments['role'],
    batchSize,
    problemsFile: options.get('problems') ?? `${file}.problems.csv`,
  };
}
