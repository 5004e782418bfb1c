import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseloadItem } from '../api/types';
import { StaticAuthProvider } from '../auth/auth';
import { I18nProvider } from '../i18n/i18n';
import { CaseloadTable } from './CaseloadPage';

const base: Omit<CaseloadItem, 'trajectoryId' | 'familyName'> = {
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

const items: CaseloadItem[] = [
  { ...base, trajectoryId: '1', familyName: 'Rustig' },
  { ...base, trajectoryId: '2', familyName: 'Nieuw', phase: 'REGISTERED' },
  {
    ...base,
    trajectoryId: '3',
    familyName: 'Dringend',
    nextDeadline: { deadlineId: 'd', kind: 'VDAB_REGISTRATION', dueOn: '2026-03-12' },
  },
  { ...base, trajectoryId: '4', familyName: 'Gemist', missedDeadlines: 2 },
];

function renderTable(group: '' | 'OVERDUE' = '') {
  render(
    <I18nProvider language="nl">
      <StaticAuthProvider session={null}>
        <CaseloadTable items={items} today="2026-03-10" group={group} />
      </StaticAuthProvider>
    </I18nProvider>,
  );
}

describe('the caseload table', () => {
  it('lists what needs attention first, in Dutch, with Belgian dates', () => {
    renderTable();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Gemist, A',
      'Dringend, A',
      'Nieuw, A',
      'Rustig, A',
    ]);
    expect(within(rows[1]!).getByText('Binnenkort')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Inschrijving bij VDAB: 12/03/2026')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Wacht op mij')).toBeInTheDocument();
    expect(screen.getByText('4 dossiers')).toBeInTheDocument();
  });

  it('filters on the attention group', () => {
    renderTable('OVERDUE');
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Gemist, A' })).toHaveAttribute('href', '/app/trajectories/4');
  });
});
