/** The key figures as GET /key-figures answers them (apps/api/src/key-figures), and how the app shows a value. */

export type KeyFigureUnit =
  'share' | 'days' | 'count' | 'hours' | 'euro' | 'per-counsellor' | 'per-counsellor-week';

export interface KeyFigureValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface KeyFigureGroup extends KeyFigureValue {
  group: string | null;
  label: string | null;
}

export interface KeyFigure extends KeyFigureValue {
  id: string;
  label: { nl: string; en: string };
  definition: { nl: string; en: string };
  unit: KeyFigureUnit;
  source: { document: string; passage: string };
  groups?: KeyFigureGroup[];
}

export interface KeyFiguresAnswer {
  period: { from: string; to: string };
  asOf: string | null;
  groupBy: string | null;
  figures: KeyFigure[];
}

/** The agencies, always side by side in this order (the API lists all three with groupBy=agency). */
export const AGENCY_COLUMNS = ['AGII', 'ATLAS', 'IN_GENT'] as const;

/** The number shown for a value: a share as a percentage, days and means with one decimal, euro with two. */
export function formatFigure(value: number | null, unit: KeyFigureUnit, locale: string): string {
  if (value === null) return '–';
  const number = (digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  switch (unit) {
    case 'share':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'euro':
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value);
    case 'count':
      return number(0);
    default:
      return number(1);
  }
}

/** The value a chart plots: a share in percent, the rest as is; no value is no bar. */
export function chartValue(value: number | null, unit: KeyFigureUnit): number | null {
  if (value === null) return null;
  return unit === 'share' ? Math.round(value * 1000) / 10 : value;
}

/** The value of a figure for one agency (null when the API has no row for it). */
export function groupValue(figure: KeyFigure, agency: string): KeyFigureGroup | undefined {
  return figure.groups?.find((group) => group.group === agency);
}

/** 1 January of the year of `today` (YYYY-MM-DD), the period selector's default start. */
export function startOfYear(today: string): string {
  return `${today.slice(0, 4)}-01-01`;
}
