import {
  POLICY_ACTION_STATUS_LABELS,
  POLICY_ACTION_STATUSES,
  type PolicyActionStatus,
} from '../../libs/domain/src/policy-plan/policy-action-status';

/**
 * Parses the table of the report 2016-2017 on the Horizontal Integration Policy Plan (text extracted from the PDF)
 * into its actions. The extraction keeps each row's cells in order but breaks them over lines: number and strategic
 * goal, a blank line, the operational goal, a blank line, the title, then minister, portfolio ("Bevoegdheid") and
 * status on one line — or the portfolio and status on later lines — and the explanation ("Duiding") after the status.
 * Minister and portfolio names are matched against the lists below (the Flemish government of 2014-2019); a row
 * whose cells cannot be found this way is reported, never guessed.
 */

export interface ParsedPolicyAction {
  /** `SD.OD.n`, e.g. `1.1.5`. */
  number: string;
  strategicGoal: number;
  operationalGoal: string;
  title: string;
  minister: string;
  portfolio: string;
  status: PolicyActionStatus;
  explanation: string | null;
  /** What the parser had to repair in this row, for the generated data file's review. */
  repairs: string[];
}

export interface PolicyActionParseProblem {
  number: string;
  line: number;
  reason: string;
}

export interface PolicyActionParse {
  actions: ParsedPolicyAction[];
  problems: PolicyActionParseProblem[];
}

const MINISTERS = [
  'Ben Weyts',
  'Hilde Crevits',
  'Jo Vandeurzen',
  'Joke Schauvliege',
  'Liesbeth Homans',
  'Philippe Muyters',
  'Sven Gatz',
] as const;

/** The portfolios as the report spells them; longest first so that a longer name wins over its prefix. */
const PORTFOLIOS = [
  'Welzijn Volksgezondheid en Gezin',
  'Economie, Wetenschap en Innovatie',
  'Integratie en Inburgering',
  'Onderwijs en Vorming',
  'Binnenlands Bestuur',
  'Gelijke Kansen',
  'Bestuurszaken',
  'Vlaamse Rand',
  'Brussel',
  'Cultuur',
  'Omgeving',
  'Jeugd',
  'Media',
  'Sport',
  'Werk',
  'Wonen',
].sort((a, b) => b.length - a.length);

/** Dutch labels as they occur in the text (any case), longest first. */
const STATUS_BY_LABEL: ReadonlyArray<[string, PolicyActionStatus]> = POLICY_ACTION_STATUSES.map(
  (status): [string, PolicyActionStatus] => [POLICY_ACTION_STATUS_LABELS[status].toLowerCase(), status],
).sort((a, b) => b[0].length - a[0].length);

const ROW_START = /^\s?(\d+)\.(\d+)\.(\d+)\.?\s+SD(\d+):/;
const OPERATIONAL_GOAL = /^OD ?\d+(\.\d+)+: ?/;
/** The longest first line of a row's own operational-goal cell is 41 characters; a section header is longer. */
const SECTION_HEADER_MIN_LENGTH = 55;

export function parsePolicyActions(text: string): PolicyActionParse {
  const lines = text.split(/\r?\n/);
  const starts = lines.flatMap((line, index) => (ROW_START.test(line) ? [index] : []));
  const actions: ParsedPolicyAction[] = [];
  const problems: PolicyActionParseProblem[] = [];
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : lines.length;
    const result = parseRow(lines.slice(start, end), start + 1);
    if ('reason' in result) problems.push(result);
    else actions.push(result);
  });
  return { actions, problems };
}

function parseRow(rowLines: string[], firstLine: number): ParsedPolicyAction | PolicyActionParseProblem {
  const match = ROW_START.exec(rowLines[0]);
  if (!match) throw new Error('a row starts with its number');
  const [, sd, od, n, sdOfGoal] = match;
  const number = `${sd}.${od}.${n}`;
  const repairs: string[] = [];
  if (!rowLines[0].trimStart().startsWith(`${number}.`)) repairs.push('number without its closing period');
  if (sdOfGoal !== sd) repairs.push(`strategic-goal cell says SD${sdOfGoal}; the number's SD${sd} is kept`);

  const { body, removedHeaders } = withoutPageHeaders(rowLines);
  if (removedHeaders > 0) repairs.push('a section header inside the row was removed');
  const paragraphs = splitParagraphs(body);
  const goalIndex = paragraphs.findIndex((paragraph) => OPERATIONAL_GOAL.test(paragraph));
  if (goalIndex < 0) return problem(number, firstLine, 'no operational goal ("OD n.n:") cell');
  const operationalGoal = paragraphs[goalIndex];
  const rest = paragraphs.slice(goalIndex + 1).join('\n');

  const minister = firstMinister(rest);
  if (!minister) return problem(number, firstLine, 'no known minister after the operational goal');
  const title = clean(rest.slice(0, minister.index));
  if (!title) return problem(number, firstLine, 'no title before the minister');
  if (!rest.slice(0, minister.index).includes('\n')) repairs.push('title and minister on one line');

  const afterMinister = rest.slice(minister.index + minister.name.length);
  const flat = clean(afterMinister);
  const portfolio = PORTFOLIOS.find((name) => flat.startsWith(name));
  if (!portfolio) return problem(number, firstLine, `unknown portfolio in "${flat.slice(0, 40)}"`);
  const firstLineAfterMinister = clean(afterMinister.split('\n')[0]);
  if (!firstLineAfterMinister.startsWith(portfolio)) repairs.push('portfolio broken over lines');
  const afterPortfolio = flat.slice(portfolio.length).trim();
  const status = STATUS_BY_LABEL.find(([label]) => afterPortfolio.toLowerCase().startsWith(label));
  if (!status) return problem(number, firstLine, `unknown status in "${afterPortfolio.slice(0, 40)}"`);
  const explanation = afterPortfolio.slice(status[0].length).trim();
  if (!clean(afterMinister.split('\n').slice(0, 3).join(' ')).toLowerCase().includes(status[0]))
    repairs.push('status on a line of its own');

  return {
    number,
    strategicGoal: Number(sd),
    operationalGoal: operationalGoal.replace(/\s+/g, ' ').replace(/\.$/, '').trim(),
    title,
    minister: minister.name,
    portfolio,
    status: status[1],
    explanation: explanation === '' ? null : explanation,
    repairs,
  };
}

/**
 * Drops the section headers the extraction put between rows (the report's title, an "SD n:" line, an "OD n.n:" line
 * on one long line). A row's own goal cells are broken into short lines; a header is a whole goal on one line.
 */
function withoutPageHeaders(rowLines: string[]): { body: string[]; removedHeaders: number } {
  const body = rowLines.filter((line) => !isSectionHeader(line));
  return { body, removedHeaders: rowLines.length - body.length };
}

function isSectionHeader(line: string): boolean {
  const text = line.trim();
  if (text.startsWith('Horizontaal Integratiebeleidsplan: rapportering')) return true;
  if (/^SD ?\d+: /.test(text)) return true;
  return OPERATIONAL_GOAL.test(text) && text.length > SECTION_HEADER_MIN_LENGTH;
}

function splitParagraphs(lines: string[]): string[] {
  return lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

function firstMinister(text: string): { name: string; index: number } | undefined {
  return MINISTERS.map((name) => ({ name, index: text.indexOf(name) }))
    .filter((found) => found.index >= 0)
    .sort((a, b) => a.index - b.index)[0];
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function problem(number: string, line: number, reason: string): PolicyActionParseProblem {
  return { number, line, reason };
}
