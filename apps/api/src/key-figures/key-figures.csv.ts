import { KEY_FIGURES } from '../../../../libs/domain/src/key-figures';
import { toCsv } from '../http/csv';
import type { KeyFiguresAnswer } from './key-figures.service';

const FIGURE_COLUMNS = [
  'figure',
  'label',
  'unit',
  'group',
  'groupLabel',
  'value',
  'numerator',
  'denominator',
  'from',
  'to',
  'asOf',
] as const;
type FigureRow = Record<(typeof FIGURE_COLUMNS)[number], string | number | null>;

/** One row per figure (group empty: the total) and per figure and group; labels in Dutch. */
export function keyFiguresCsv(answer: KeyFiguresAnswer): string {
  const rows: FigureRow[] = answer.figures.flatMap((figure) => {
    const common = {
      figure: figure.id,
      label: figure.label.nl,
      unit: figure.unit,
      from: answer.period.from,
      to: answer.period.to,
      asOf: answer.asOf,
    };
    const { value, numerator, denominator } = figure;
    return [
      { ...common, group: null, groupLabel: null, value, numerator, denominator },
      ...(figure.groups ?? []).map((group) => ({
        ...common,
        group: group.group,
        groupLabel: group.label,
        value: group.value,
        numerator: group.numerator,
        denominator: group.denominator,
      })),
    ];
  });
  return toCsv(FIGURE_COLUMNS, rows);
}

/** The local integration monitor's table: one row per municipality, one column per figure (its value). */
export function municipalityIndicatorsCsv(answer: KeyFiguresAnswer): string {
  const municipalities = new Set<string>();
  for (const figure of answer.figures) {
    for (const group of figure.groups ?? []) if (group.group !== null) municipalities.add(group.group);
  }
  const columns = ['municipality', 'from', 'to', ...KEY_FIGURES.map((figure) => figure.id)];
  const rows = [...municipalities]
    .sort((a, b) => a.localeCompare(b, 'nl'))
    .map((municipality) => {
      const row: Record<string, string | number | null> = {
        municipality,
        from: answer.period.from,
        to: answer.period.to,
      };
      for (const figure of answer.figures) {
        row[figure.id] = figure.groups?.find((group) => group.group === municipality)?.value ?? null;
      }
      return row;
    });
  return toCsv(columns, rows);
}
