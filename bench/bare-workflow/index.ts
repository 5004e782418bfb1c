import { condition, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { BareActivities } from './activities';

/** The bare-Temporal baseline: an update that does nothing but count, with a (no-op) validator like ours. */
export const noopUpdate = defineUpdate<number, [number]>('noop');
/**
 * The floor of a design that appends in a local activity inside the update (as the trajectory workflow does):
 * the same update, awaiting a local activity that does nothing...
 */
export const localActivityUpdate = defineUpdate<number, [number]>('localActivity');
/** ...or one that commits one row (one INSERT in its own transaction: the least a durable append costs). */
export const committedRowUpdate = defineUpdate<number, [string]>('committedRow');

const { doNothing, commitRow } = proxyLocalActivities<BareActivities>({
  startToCloseTimeout: '5 seconds',
});

export async function bareWorkflow(): Promise<void> {
  let count = 0;
  const noValidation = { validator: (value: unknown) => void value };
  setHandler(
    noopUpdate,
    (value: number) => {
      count += value;
      return count;
    },
    noValidation,
  );
  setHandler(
    localActivityUpdate,
    async (value: number) => {
      await doNothing();
      count += value;
      return count;
    },
    noValidation,
  );
  setHandler(
    committedRowUpdate,
    async (rowId: string) => {
      await commitRow(rowId);
      count += 1;
      return count;
    },
    noValidation,
  );
  await condition(() => false);
}
