import { CalendarDate } from '../time/calendar-date';

/**
 * Age in whole years on a date: a person is a year older on their birthday itself.
 * Someone born on 29 February turns a year older on 1 March in common years.
 */
export function ageOn(birthDate: CalendarDate, on: CalendarDate): number {
  if (on < birthDate) throw new RangeError(`${on} is before the birth date ${birthDate}`);
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
