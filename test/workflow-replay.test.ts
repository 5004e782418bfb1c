import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workflowBundle } from './support/system';
import { WORKFLOW_HISTORIES_DIR } from './support/workflow-histories';

/**
 * Determinism guard: every recorded trajectory history must replay against today's workflow code.
 * A change that reorders commands, timers or activities without a patch fails here, before it reaches
 * running trajectories.
 */
function readHistory(file: string) {
  return historyFromJSON(JSON.parse(readFileSync(join(WORKFLOW_HISTORIES_DIR, file), 'utf8')));
}

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };

describe('replay of recorded trajectory histories', () => {
  const files = readdirSync(WORKFLOW_HISTORIES_DIR).filter((file) => file.endsWith('.json'));

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s replays without non-determinism', async (file) => {
    await Worker.runReplayHistory(
      { workflowBundle: await workflowBundle() },
      readHistory(file),
      file.replace(/\.json$/, ''),
    );
  });

  it('fails when the workflow code changes without a patch', async () => {
    const changed = await bundleWorkflowCode({
      workflowsPath: require.resolve('./support/nondeterministic-workflow'),
      logger: silent,
    });
    await expect(
      Worker.runReplayHistory({ workflowBundle: changed }, readHistory(files[0])),
    ).rejects.toMatchObject({
      name: 'DeterminismViolationError',
    });
  });
});
