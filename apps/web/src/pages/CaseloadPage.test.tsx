import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ATTENTION_GROUPS } from '../../../../libs/domain/src/caseload/attention';
import type { CaseloadItem } from '../api/types';
import { StaticAuthProvider } from '../auth/auth';
import type { Session } from '../auth/session';
import { I18nProvider } from '../i18n/i18n';
import { CASELOAD_PAGE_SIZE, CaseloadPage } from './CaseloadPage';

const TOTAL = 250;

const counsellor: Session = {
  accessToken: 'token',
  subject: 'counsellor-gent',
  role: 'counsellor',
  organisation: 'IN_GENT',
  name: 'Counsellor Gent',
};

/** Case n of the agency's caseload, in the API's order: a group per quarter, every fifth case suspended. */
function item(index: number): CaseloadItem {
  return {
    trajectoryId: `trajectory-${index}`,
    givenName: 'Amina',
    familyName: `Dossier${index}`,
    status: index % 5 === 0 ? 'SUSPENDED' : 'OPEN',
    phase: 'CONTRACT_SIGNED',
    agency: 'IN_GENT',
    counsellorId: index % 2 === 0 ? 'counsellor-gent' : 'counsellor-other',
    registeredOn: '2026-01-05',
    nextDeadline: null,
    missedDeadlines: 0,
    openViolations: 0,
    attention: ATTENTION_GROUPS[Math.floor(((index - 1) * ATTENTION_GROUPS.length) / TOTAL)]!,
  };
}

const exported: URLSearchParams[] = [];

/**
 * The agency's caseload of TOTAL cases, filtered, counted and paged as the API does; its export answers a CSV, or
 * `exportAnswer`.
 */
function renderCaseload({ exportAnswer }: { exportAnswer?: () => Response } = {}) {
  const asked: URLSearchParams[] = [];
  exported.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      const url = new URL(path, 'http://localhost');
      const parameters = url.searchParams;
      if (url.pathname === '/caseload/export') {
        exported.push(parameters);
        if (exportAnswer) return exportAnswer();
        return new Response('trajectoryId\r\n', { headers: { 'content-type': 'text/csv' } });
      }
      if (url.pathname !== '/caseload') throw new Error(`unexpected request ${path}`);
      asked.push(parameters);
      const limit = Number(parameters.get('limit'));
      const offset = Number(parameters.get('offset') ?? 0);
      const passes = (name: string, value: string | null) =>
        parameters.get(name) === null || parameters.get(name) === value;
      const matching = Array.from({ length: TOTAL }, (_, index) => item(index + 1)).filter(
        (candidate) =>
          candidate.agency === parameters.get('agency') &&
          passes('counsellorId', candidate.counsellorId) &&
          passes('attention', candidate.attention) &&
          passes('status', candidate.status),
      );
      return Response.json({
        items: matching.slice(offset, offset + limit),
        total: matching.length,
        limit,
        offset,
      });
    }),
  );
  render(
    <I18nProvider language="nl">
      <StaticAuthProvider session={counsellor}>
        <CaseloadPage />
      </StaticAuthProvider>
    </I18nProvider>,
  );
  return asked;
}

const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent);

describe('the caseload page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('pages on the server, 100 rows a page, with the API’s total', async () => {
    const asked = renderCaseload();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Dossiers'), 'agency');
    await screen.findByText(`Rijen 1–${CASELOAD_PAGE_SIZE} van ${TOTAL}`);
    expect(screen.getByText(`Dossiers: ${TOTAL}`)).toBeInTheDocument();
    expect(names()).toHaveLength(CASELOAD_PAGE_SIZE);
    expect(screen.getByRole('button', { name: 'Vorige' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    await screen.findByText(`Rijen 101–200 van ${TOTAL}`);
    expect(names()).toEqual(Array.from({ length: 100 }, (_, index) => `Dossier${index + 101}, Amina`));
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    await screen.findByText(`Rijen 201–250 van ${TOTAL}`);
    expect(screen.getByRole('button', { name: 'Volgende' })).toHaveProperty('disabled', true);

    expect(asked.map((parameters) => Object.fromEntries(parameters))).toEqual([
      { agency: 'IN_GENT', counsellorId: 'counsellor-gent', limit: '100', offset: '0' },
      { agency: 'IN_GENT', limit: '100', offset: '0' },
      { agency: 'IN_GENT', limit: '100', offset: '100' },
      { agency: 'IN_GENT', limit: '100', offset: '200' },
    ]);
  });

  it('sends the scope, the attention group and the status to the API, each change from the first page', async () => {
    const asked = renderCaseload();
    const user = userEvent.setup();
    await screen.findByText('Dossiers: 125');
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    await screen.findByText('Rijen 101–125 van 125');

    await user.selectOptions(screen.getByLabelText('Aandacht'), 'DUE_SOON');
    await screen.findByText('Dossiers: 31');
    expect(screen.getByText('Rijen 1–31 van 31')).toBeInTheDocument();
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .every((row) => within(row).queryByText('Binnenkort') !== null),
    ).toBe(true);

    await user.selectOptions(screen.getByLabelText('Status'), 'SUSPENDED');
    await screen.findByText('Dossiers: 6');
    await user.selectOptions(screen.getByLabelText('Dossiers'), 'agency');
    await screen.findByText('Dossiers: 13');

    expect(asked.map((parameters) => Object.fromEntries(parameters))).toEqual([
      { agency: 'IN_GENT', counsellorId: 'counsellor-gent', limit: '100', offset: '0' },
      { agency: 'IN_GENT', counsellorId: 'counsellor-gent', limit: '100', offset: '100' },
      {
        agency: 'IN_GENT',
        counsellorId: 'counsellor-gent',
        attention: 'DUE_SOON',
        limit: '100',
        offset: '0',
      },
      {
        agency: 'IN_GENT',
        counsellorId: 'counsellor-gent',
        attention: 'DUE_SOON',
        status: 'SUSPENDED',
        limit: '100',
        offset: '0',
      },
      { agency: 'IN_GENT', attention: 'DUE_SOON', status: 'SUSPENDED', limit: '100', offset: '0' },
    ]);
  });

  it('exports as CSV the whole list the filters select, not only the page on screen', async () => {
    const asked = renderCaseload();
    const user = userEvent.setup();
    URL.createObjectURL = vi.fn(() => 'blob:caseload');
    URL.revokeObjectURL = vi.fn();
    await screen.findByText('Dossiers: 125');
    await user.selectOptions(screen.getByLabelText('Aandacht'), 'OVERDUE');
    await screen.findByText('Dossiers: 31');

    await user.click(screen.getByRole('button', { name: 'Exporteren als CSV' }));
    await vi.waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    expect(exported.map((parameters) => Object.fromEntries(parameters))).toEqual([
      { agency: 'IN_GENT', counsellorId: 'counsellor-gent', attention: 'OVERDUE' },
    ]);
    expect(asked).toHaveLength(2);
  });
});
