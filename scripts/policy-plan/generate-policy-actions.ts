import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../../libs/logging/src';
import { parsePolicyActions } from './parse-policy-actions';

/**
 * Regenerates the checked-in data file of the policy plan's actions from the report's extracted text:
 * `node -r ./test/support/processes/swc-register.js scripts/policy-plan/generate-policy-actions.ts`.
 * Stops without writing when a row cannot be parsed; logs the rows it had to repair.
 */
export const POLICY_ACTIONS_SOURCE = join(
  __dirname,
  'source',
  'horizontal-integration-policy-plan-report-2016-2017.txt',
);
export const POLICY_ACTIONS_DATA_FILE = join(
  __dirname,
  '..',
  '..',
  'libs',
  'store',
  'src',
  'policy-plan',
  'policy-actions-2016-2017.json',
);

function main(): void {
  const log = createLogger('generate-policy-actions');
  const { actions, problems } = parsePolicyActions(readFileSync(POLICY_ACTIONS_SOURCE, 'utf8'));
  if (problems.length > 0) {
    log.error({ problems }, 'rows the parser could not read; nothing written');
    process.exitCode = 1;
    return;
  }
  for (const action of actions.filter((parsed) => parsed.repairs.length > 0)) {
    log.info({ number: action.number, repairs: action.repairs }, 'row repaired');
  }
  const rows = actions.map(({ repairs: _repairs, ...action }) => action);
  writeFileSync(POLICY_ACTIONS_DATA_FILE, `${JSON.stringify(rows, null, 2)}\n`);
  log.info({ actions: rows.length, file: POLICY_ACTIONS_DATA_FILE }, 'policy actions written');
}

if (require.main === module) main();
