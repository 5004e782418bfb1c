import { recordPhaseTimings, takePhaseTimings, timedPhase } from './phase-timings';

describe('phase timings', () => {
  afterEach(() => recordPhaseTimings(false));

  it('keep nothing unless the process turns them on', async () => {
    expect(await timedPhase('append', async () => 7)).toBe(7);
    expect(takePhaseTimings()).toEqual({});
  });

  it('sum each phase over its runs once on, and start anew when taken', async () => {
    recordPhaseTimings(true);
    await timedPhase('append', async () => undefined);
    await timedPhase('append', async () => undefined);
    await expect(
      timedPhase('project', async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const taken = takePhaseTimings();
    expect(Object.keys(taken).sort()).toEqual(['append', 'project']);
    expect(taken.append.runs).toBe(2);
    expect(taken.project.runs).toBe(1);
    expect(takePhaseTimings()).toEqual({});
  });
});
