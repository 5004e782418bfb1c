import { retryDelayMs } from './retry-delay';

const options = { baseMs: 1_000, maxMs: 60_000 };

describe('the delay before the next attempt', () => {
  it('doubles with each failure, between half and all of base × 2^(n-1)', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, options, () => 1))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, options, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000,
    ]);
  });

  it('never exceeds the maximum, however many failures', () => {
    expect(retryDelayMs(7, options, () => 1)).toBe(60_000);
    expect(retryDelayMs(1_000, options, () => 1)).toBe(60_000);
    expect(retryDelayMs(1_000, options, () => 0)).toBe(30_000);
  });
});
