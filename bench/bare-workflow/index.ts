import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** The bare-Temporal baseline: an update that does nothing but count, with a (no-op) validator like ours. */
export const noopUpdate = defineUpdate<number, [number]>('noop');

export async function bareWorkflow(): Promise<void> {
  let count = 0;
  setHandler(
    noopUpdate,
    (value: number) => {
      count += value;
      return count;
    },
    { validator: (value: number) => void value },
  );
  await condition(() => false);
}
