import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { chartValue, formatFigure, KeyFigure, KeyFiguresAnswer, startOfYear } from './key-figures';
import { KeyFiguresTable } from './KeyFiguresTable';

const vdab: KeyFigure = {
  id: 'vdab-registered-within-two-months',
  label: { nl: 'Binnen twee maanden bij VDAB', en: 'With VDAB within two months' },
  definition: {
    nl: 'Van de contracten in de periode: het aandeel…',
    en: 'Of the contracts in the period: the share…',
  },
  unit: 'share',
  source: { document: 'BBT 2020-2021', passage: 'l.1197' },
  value: 0.5,
  numerator: 2,
  denominator: 4,
  groups: [
    {
      group: 'AGII',
      label: 'Agentschap Integratie en Inburgering',
      value: 0.25,
      numerator: 1,
      denominator: 4,
    },
    { group: 'ATLAS', label: 'Atlas', value: null, numerator: 0, denominator: 0 },
    { group: 'IN_GENT', label: 'IN-Gent', value: 1, numerator: 1, denominator: 1 },
  ],
};
const fines: KeyFigure = {
  ...vdab,
  id: 'fines-total-euro',
  label: { nl: 'Totaal van de boetes', en: 'Fines in total' },
  unit: 'euro',
  value: 150,
  groups: vdab.groups!.map((group) => ({ ...group, value: group.group === 'IN_GENT' ? 150 : 0 })),
};
const answer: KeyFiguresAnswer = {
  period: { from: '2026-01-01', to: '2026-06-30' },
  asOf: null,
  groupBy: 'agency',
  figures: [vdab, fines],
};

describe('the key figures table', () => {
  it('lists every figure with the agencies side by side, the total, its definition and source', () => {
    render(
      <I18nProvider language="nl">
        <KeyFiguresTable answer={answer} />
      </I18nProvider>,
    );
    const table = screen.getByRole('table', { name: 'Kerncijfers van 2026-01-01 tot en met 2026-06-30' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual([
      'Kerncijfer',
      'Agentschap Integratie en Inburgering',
      'Atlas',
      'IN-Gent',
      'Alle agentschappen',
      'Definitie en bron',
    ]);
    const row = within(table).getByRole('row', { name: /Binnen twee maanden bij VDAB/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent?.replace(/\s/g, ' '));
    expect(cells.slice(0, 4)).toEqual(['25%', '–', '100%', '50%']);
    expect(cells[4]).toContain('Van de contracten in de periode');
    expect(cells[4]).toContain('Bron: BBT 2020-2021, l.1197');
    const money = within(within(table).getByRole('row', { name: /Totaal van de boetes/ })).getAllByRole(
      'cell',
    );
    expect(money[2]?.textContent?.replace(/\s/g, ' ')).toBe('€ 150,00');
  });

  it('shows the English label in English', () => {
    render(
      <I18nProvider language="en">
        <KeyFiguresTable answer={answer} />
      </I18nProvider>,
    );
    expect(screen.getByRole('rowheader', { name: 'With VDAB within two months' })).toBeTruthy();
  });
});

describe('key figure values', () => {
  it('plots a share in percent and shows no value as a dash', () => {
    expect(chartValue(0.4567, 'share')).toBe(45.7);
    expect(chartValue(12.5, 'days')).toBe(12.5);
    expect(chartValue(null, 'share')).toBeNull();
    expect(formatFigure(null, 'days', 'nl-BE')).toBe('–');
    expect(formatFigure(12.25, 'days', 'nl-BE')).toBe('12,3');
  });

  it('starts the default period on 1 January', () => {
    expect(startOfYear('2026-12-01')).toBe('2026-01-01');
  });
});
