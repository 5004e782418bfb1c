import { fileFormat, readCommandLine } from './command-line';

/** What the file holds: VDAB/Actiris registrations, a municipality's activities, a test centre's records. */
export const IMPORT_KINDS = ['registrations', 'participation-activities', 'course-records'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The API's collection of each kind of import. */
export const IMPORT_PATHS: Record<ImportKind, string> = {
  registrations: '/registration-imports',
  'participation-activities': '/participation-activity-imports',
  'course-records': '/course-record-imports',
};

export interface ImportArguments {
  file: string;
  kind: ImportKind;
  partner: 'VDAB' | 'ACTIRIS';
  format: 'CSV' | 'JSONL';
  apiUrl: string;
  /** The partner system's bearer token (`npm run --silent token -- vdab-system`). */
  token: string;
  problemsFile: string;
}

export const USAGE =
  'usage: npm run import:registrations -- <file.csv|file.jsonl> [--kind registrations|participation-activities|course-records] ' +
  '[--partner VDAB|ACTIRIS] [--api http://localhost:3000] ' +
  '[--token <access token, or API_TOKEN>] [--format CSV|JSONL] [--problems <out.csv>]\n' +
  "  the token is the sender's: API_TOKEN=$(npm run --silent token -- vdab-system) (or coordinator-gent, test-centre-gent)";

/** Reads the command line; throws with the usage and the reason on anything it does not understand. */
export function parseImportArguments(argv: readonly string[], env: NodeJS.ProcessEnv = {}): ImportArguments {
  const { options, positional } = readCommandLine(
    argv,
    ['kind', 'partner', 'api', 'token', 'format', 'problems'],
    USAGE,
  );
  if (positional.length !== 1) throw new Error(`give exactly one file\n${USAGE}`);
  const [file] = positional;
  const kind = (options.get('kind') ?? 'registrations').toLowerCase() as ImportKind;
  if (!IMPORT_KINDS.includes(kind))
    throw new Error(`--kind must be one of ${IMPORT_KINDS.join(', ')}\n${USAGE}`);
  if (kind !== 'registrations' && options.has('partner'))
    throw new Error(`--partner is for registrations only: the sender is the token's\n${USAGE}`);
  const partner = (options.get('partner') ?? 'VDAB').toUpperCase();
  if (partner !== 'VDAB' && partner !== 'ACTIRIS')
    throw new Error(`--partner must be VDAB or ACTIRIS\n${USAGE}`);
  const format = fileFormat(file, options.get('format'), USAGE);
  const token = options.get('token') ?? env.API_TOKEN;
  if (!token?.trim()) throw new Error(`give an access token: --token or API_TOKEN\n${USAGE}`);
  return {
    file,
    kind,
    partner,
    format,
    apiUrl: (options.get('api') ?? env.API_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    token: token.trim(),
    problemsFile: options.get('problems') ?? `${file}.problems.csv`,
  };
}
