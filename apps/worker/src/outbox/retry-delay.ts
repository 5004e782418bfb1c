export interface RetryDelayOptions {
  /** The delay after the first failed attempt. */
  baseMs: number;
  /** The longest delay. */
  maxMs: number;
}

/**
 * Exponential backoff with jitter: after the n-th failed attempt, between half and all of base × 2^(n-1), capped
 * at max. The jitter spreads the retries of many messages to a partner that comes back.
 */
export function retryDelayMs(
  attempt: number,
  options: RetryDelayOptions,
  random: () => number = Math.random,
): number {
  const exponential = options.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30);
  const capped = Math.min(options.maxMs, exponential);
  return Math.round(capped / 2 + (random() * capped) / 2);
}
