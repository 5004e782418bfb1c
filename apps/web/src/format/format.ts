/** Belgian formats: dates as dd/mm/jjjj, national numbers as YY.MM.DD-XXX.CC. */

/** A calendar date (YYYY-MM-DD) or a timestamp as dd/mm/jjjj; the timestamp in Brussels time. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('nl-BE', {
    timeZone: 'Europe/Brussels',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

/** A timestamp as dd/mm/jjjj uu:mm in Brussels time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '–';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = new Intl.DateTimeFormat('nl-BE', {
    timeZone: 'Europe/Brussels',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** dd/mm/jjjj (or jjjj-mm-dd) as YYYY-MM-DD; undefined when it is not a real date. */
export function parseBelgianDate(input: string): string | undefined {
  const text = input.trim();
  const belgian = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = belgian
    ? [Number(belgian[3]), Number(belgian[2]), Number(belgian[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The 11 digits of a national number, whatever separators were typed. */
export function nationalNumberDigits(input: string): string {
  return input.replace(/\D/g, '');
}

/** YY.MM.DD-XXX.CC; anything that is not 11 digits is shown as it is. */
export function formatNationalNumber(value: string): string {
  const digits = nationalNumberDigits(value);
  if (digits.length !== 11) return value;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
}

/** The birth date part and the serial hidden: ••.••.••-•••.CC keeps only the check digits. */
export function maskNationalNumber(value: string): string {
  const digits = nationalNumberDigits(value);
  if (digits.length !== 11) return '••.••.••-•••.••';
  return `••.••.••-•••.${digits.slice(9)}`;
}

/** Today in Brussels as YYYY-MM-DD. */
export function todayInBrussels(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parts;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
