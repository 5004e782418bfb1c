const DAY_MS = 86_400_000;
/** 0001-01-01 and 10000-01-01 (exclusive) in ms since the epoch: `toISOString` writes four-digit years between them. */
const FOUR_DIGIT_YEARS = [Date.UTC(1, 0, 1), Date.UTC(10000, 0, 1)] as const;

/** The date part of recent days (a row's instants are often on a few days: kept for all of them, up to a bound). */
const dates = new Map<number, string>();
const MAX_DATES = 4096;

/**
 * `new Date(ms).toISOString()`, for the instants of a rebuild (each event's and most rows' instants): V8's
 * `toISOString` costs ~1 µs, most of it the calendar date, which is the same for many instants (kept here per day).
 * Outside four-digit years (and for ms that are not whole), `toISOString` itself.
 */
export function isoInstant(ms: number): string {
  if (!(ms >= FOUR_DIGIT_YEARS[0] && ms < FOUR_DIGIT_YEARS[1]) || !Number.isInteger(ms))
    return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let date = dates.get(day);
  if (date === undefined) {
    if (dates.size >= MAX_DATES) dates.clear();
    date = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dates.set(day, date);
  }
  let rest = ms - day * DAY_MS;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return (
    date +
    TWO_DIGITS[hours] +
    ':' +
    TWO_DIGITS[minutes] +
    ':' +
    TWO_DIGITS[seconds] +
    '.' +
    THREE_DIGITS[millis] +
    'Z'
  );
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
