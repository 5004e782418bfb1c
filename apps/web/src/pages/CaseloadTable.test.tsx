import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseloadItem } from '../api/types';
import { StaticAuthProvider } from '../auth/auth';
import { I18nProvider } from '../i18n/i18n';
import { CaseloadTable } from './CaseloadPage';

const base: Omit<CaseloadItem, 'trajectoryId' | 'familyName' | 'attention'> = {
  givenName: 'A',
  status: 'OPEN',
  phase: 'CONTRACT_SIGNED',
  agency: 'IN_GENT',
  counsellorId: 'counsellor-gent',
  registeredOn: '2026-01-05',
  nextDeadline: null,
  missedDeadlines: 0,
  openViolations: 0,
};

/** A page as the API answers it: ordered, each case with its attention group. */
const items: CaseloadItem[] = [
  { ...base, trajectoryId: '4', familyName: 'Gemist', missedDeadlines: 2, attention: 'OVERDUE' },
  {
    ...base,
    trajectoryId: '3',
    familyName: 'Dringend',
    nextDeadline: { deadlineId: 'd', kind: 'VDAB_REGISTRATION', dueOn: '2026-03-12' },
    attention: 'DUE_SOON',
  },
  { ...base, trajectoryId: '2', familyName: 'Nieuw', phase: 'REGISTERED', attention: 'WAITING_FOR_ME' },
  { ...base, trajectoryId: '1', familyName: 'Rustig', status: 'SUSPENDED', attention: 'ON_TRACK' },
];

function renderTable(rows: CaseloadItem[] = items) {
  render(
    <I18nProvider language="nl">
      <StaticAuthProvider session={null}>
        <CaseloadTable items={rows} />
      </StaticAuthProvider>
    </I18nProvider>,
  );
}

describe('the caseload table', () => {
  it('shows the page in the API’s order with its attention groups, in Dutch, with Belgian dates', () => {
    renderTable();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Gemist, A',
      'Dringend, A',
      'Nieuw, A',
      'Rustig, A',
    ]);
    expect(rows.map((row) => row.getAttribute('data-attention'))).toEqual([
      'OVERDUE',
      'DUE_SOON',
      'WAITING_FOR_ME',
      'ON_TRACK',
    ]);
    expect(within(rows[0]!).getByText('Te laat')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Binnenkort')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Inschrijving bij VDAB: 12/03/2026')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Wacht op mij')).toBeInTheDocument();
    expect(within(rows[3]!).getByText('Op schema')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Gemist, A' })).toHaveAttribute('href', '/app/trajectories/4');
  });

  it('says so when no case passes the filters', () => {
    renderTable([]);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Geen dossiers voor deze filters.')).toBeInTheDocument();
  });
});
