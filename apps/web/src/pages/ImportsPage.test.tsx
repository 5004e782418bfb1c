import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LINK_REASONS } from '../../../../libs/domain/src/exchange/registration-outcome';
import {
  nationalNumberRowProblem,
  RowProblem,
  rowProblem,
  rowProblemOfRejection,
} from '../../../../libs/domain/src/exchange/row-problem';
import { because } from '../../../../libs/domain/src/trajectory/rejection';
import type { ImportView } from '../api/types';
import { StaticAuthProvider } from '../auth/auth';
import { I18nProvider, Language } from '../i18n/i18n';
import { ImportKind, ImportsPage, PARTICIPATION_IMPORTS } from './ImportsPage';

const IMPORT_ID = '6f1d3c1e-8a44-4c55-9d3a-1c2b3a4d5e6f';

/** The problem rows as the API's JSON report gives them, built by the domain's own functions. */
const ROWS: { rowNumber: number; outcome: string; problems: RowProblem[] }[] = [
  {
    rowNumber: 2,
    outcome: 'INVALID',
    problems: [nationalNumberRowProblem('CHECKSUM_MISMATCH'), rowProblem('registeredOn', 'FIELD_NOT_A_DATE')],
  },
  {
    rowNumber: 3,
    outcome: 'INVALID',
    problems: [rowProblem('row', 'ROW_FIELD_COUNT', { found: 2, expected: 5 })],
  },
  {
    rowNumber: 4,
    outcome: 'UNMATCHED',
    problems: [{ field: 'row', reason: LINK_REASONS.NO_OPEN_TRAJECTORY }],
  },
  {
    rowNumber: 5,
    outcome: 'CONFLICT',
    problems: [
      rowProblemOfRejection(
        because('BEFORE_CONTRACT', { field: 'registeredOn', earliest: '2026-03-02' }, 'registeredOn'),
      ),
    ],
  },
  // A row reported before the problems had keys.
  { rowNumber: 6, outcome: 'INVALID', problems: [{ field: 'office', reason: 'is required' }] },
];

function renderCompletedImport(language: Language, kind?: ImportKind, rows = ROWS) {
  const asked: string[] = [];
  sessionStorage.setItem(kind?.sessionKey ?? 'inburgering.imports', JSON.stringify([IMPORT_ID]));
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      asked.push(path);
      if (path.includes('/problems'))
        return Response.json({
          items: rows.map((row) => ({
            ...row,
            fields: row.problems.map((problem) => problem.field).join(' '),
            reason: row.problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; '),
          })),
        });
      const view: ImportView = {
        importId: IMPORT_ID,
        partner: 'VDAB',
        format: 'CSV',
        fileName: 'vdab.csv',
        status: 'COMPLETED',
        createdAt: '2026-12-04T08:00:00.000Z',
        completedAt: '2026-12-04T08:00:05.000Z',
        totalRows: 10,
        rowsDone: 10,
        outcomes: { LINKED: 5, UNMATCHED: 1, CONFLICT: 1, INVALID: 3 },
      };
      return Response.json(view);
    }),
  );
  render(
    <I18nProvider language={language}>
      <StaticAuthProvider session={null}>
        <ImportsPage {...(kind ? { kind } : {})} />
      </StaticAuthProvider>
    </I18nProvider>,
  );
  return asked;
}

async function openTheImport(): Promise<(rowNumber: number) => HTMLElement> {
  await userEvent.setup().click(screen.getByRole('button', { name: IMPORT_ID }));
  const table = await screen.findByRole('table');
  return (rowNumber) =>
    within(
      within(table)
        .getByRole('rowheader', { name: String(rowNumber) })
        .closest('tr')!,
    ).getAllByRole('cell')[2]!;
}

describe('the problem rows of an import', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it('words each problem in Dutch from its key, the field by its label', async () => {
    const asked = renderCompletedImport('nl');
    const reasonOf = await openTheImport();

    expect(asked).toContain(`/registration-imports/${IMPORT_ID}/problems?format=json`);
    expect(
      within(reasonOf(2))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Rijksregisternummer: de controlecijfers kloppen niet (geen geldig rijksregisternummer)',
      'Datum van inschrijving: moet een datum zijn in de vorm JJJJ-MM-DD',
    ]);
    expect(reasonOf(3).textContent).toBe('Rij: heeft 2 velden, de kopregel heeft er 5');
    expect(reasonOf(4).textContent).toBe('geen open traject voor deze inburgeraar');
    expect(reasonOf(5).textContent).toBe(
      'Datum van inschrijving mag niet vóór de ondertekening van het contract op 02/03/2026 liggen.',
    );
    // Without a key the English reason stands, marked as English.
    expect(reasonOf(6).textContent).toBe('office: is required');
    expect(reasonOf(6).querySelector('[lang="en"]')).not.toBeNull();
  });

  it("words a municipality's activity rows: a prior record, no trajectory in scope, the trajectory's rules", async () => {
    const asked = renderCompletedImport('nl', PARTICIPATION_IMPORTS, [
      { rowNumber: 4, outcome: 'CONFLICT', problems: [rowProblem('row', 'RECORD_ACTIVITY_OTHER_HOURS')] },
      { rowNumber: 5, outcome: 'UNMATCHED', problems: [rowProblem('row', 'RECORD_NO_TRAJECTORY_IN_SCOPE')] },
      {
        rowNumber: 14,
        outcome: 'INVALID',
        problems: [
          rowProblemOfRejection(
            because('PARTICIPATION_HOURS_OUT_OF_RANGE', { field: 'hours', maxHours: 40 }, 'hours'),
          ),
        ],
      },
    ]);
    const reasonOf = await openTheImport();

    expect(asked).toContain(`/participation-activity-imports/${IMPORT_ID}/problems?format=json`);
    expect(reasonOf(4).textContent).toBe(
      'Rij: deze activiteit werd al eerder geboekt met andere uren of feedback',
    );
    expect(reasonOf(5).textContent).toBe(
      'Rij: geen open traject voor deze inburgeraar binnen uw bevoegdheid',
    );
    expect(reasonOf(14).textContent).toBe('Aantal uren: geef meer dan 0 en hoogstens 40 uur, per kwartier.');
  });

  it('gives an English reader the English reasons, each with its field', async () => {
    renderCompletedImport('en');
    const reasonOf = await openTheImport();

    expect(
      within(reasonOf(2))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'nationalNumber: checksum digits do not match (not a valid national number)',
      'registeredOn: must be a date as YYYY-MM-DD',
    ]);
    expect(reasonOf(5).textContent).toBe('registeredOn must not be before the contract on 2026-03-02');
    expect(reasonOf(5).querySelector('[lang="en"]')).toBeNull();
  });
});
