import { extname } from 'node:path';

export interface ImportArguments {
  file: string;
  partner: 'VDAB' | 'ACTIRIS';
  format: 'CSV' | 'JSONL';
  apiUrl: string;
  /** The partner system's bearer token (`npm run --silent token -- vdab-system`). */
  token: string;
  problemsFile: string;
}

export const USAGE =
  'usage: npm run import:registrations -- <file.csv|file.jsonl> [--partner VDAB|ACTIRIS] [--api http://localhost:3000] ' +
  '[--token <access token, or API_TOKEN>] [--format CSV|JSONL] [--problems <out.csv>]\n' +
  "  the token is the partner system's: API_TOKEN=$(npm run --silent token -- vdab-system)";

/** Reads the command line; throws with the usage and the reason on anything it does not understand. */
export function parseImportArguments(argv: readonly string[], env: NodeJS.ProcessEnv = {}): ImportArguments {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (!argument.startsWith('--')) {
      positional.push(argument);
      continue;
    }
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${argument} needs a value\n${USAGE}`);
    options.set(argument.slice(2), value);
    index++;
  }
  const unknown = [...options.keys()].filter(
    (key) => !['partner', 'api', 'token', 'format', 'problems'].includes(key),
  );
  if (unknown.length) throw new Error(`unknown option --${unknown[0]}\n${USAGE}`);
  if (positional.length !== 1) throw new Error(`give exactly one file\n${USAGE}`);
  const [file] = positional;
  const partner = (options.get('partner') ?? 'VDAB').toUpperCase();
  if (partner !== 'VDAB' && partner !== 'ACTIRIS')
    throw new Error(`--partner must be VDAB or ACTIRIS\n${USAGE}`);
  const extension = extname(file).toLowerCase();
  const format = (
    options.get('format') ?? (['.jsonl', '.ndjson'].includes(extension) ? 'JSONL' : 'CSV')
  ).toUpperCase();
  if (format !== 'CSV' && format !== 'JSONL') throw new Error(`--format must be CSV or JSONL\n${USAGE}`);
  const token = options.get('token') ?? env.API_TOKEN;
  if (!token?.trim()) throw new Error(`give an access token: --token or API_TOKEN\n${USAGE}`);
  return {
    file,
    partner,
    format,
    apiUrl: (options.get('api') ?? env.API_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    token: token.trim(),
    problemsFile: options.get('problems') ?? `${file}.problems.csv`,
  };
}
