import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LINK_REASONS,
  trajectoryRefusedReason,
} from '../../../../libs/domain/src/exchange/registration-outcome';
import { rowProblemOfRejection } from '../../../../libs/domain/src/exchange/row-problem';
import { because } from '../../../../libs/domain/src/trajectory/rejection';
import type { ReconciliationItem } from '../api/types';
import { StaticAuthProvider } from '../auth/auth';
import { I18nProvider } from '../i18n/i18n';
import { RECONCILIATION_PAGE_SIZE, ReconciliationPage } from './ReconciliationPage';

const TOTAL = 250;
/** How many items the queue holds now (fewer when some were resolved meanwhile). */
let queueTotal = TOTAL;

/** A refusal the queue kept with its key, as the linking writes it since it keeps them. */
const REFUSAL = because('BEFORE_CONTRACT', { field: 'registeredOn', earliest: '2026-03-02' }, 'registeredOn');

/** The first rows' reasons as the linking writes them; the others a text no rule writes (as older rows may hold). */
const REASONS: Record<number, string> = {
  1: LINK_REASONS.NO_OPEN_TRAJECTORY,
  2: trajectoryRefusedReason('registeredOn must not be after today'),
  4: trajectoryRefusedReason(REFUSAL.message),
};

function item(index: number): ReconciliationItem {
  return {
    itemId: `item-${index}`,
    state: 'OPEN',
    partner: 'VDAB',
    kind: 'UNMATCHED',
    reason: REASONS[index] ?? 'no trajectory for this national number',
    ...(index === 4 ? { refusal: rowProblemOfRejection(REFUSAL) } : {}),
    nationalNumber: null,
    trajectoryId: null,
    agency: null,
    registeredOn: '2026-11-20',
    office: 'VDAB Gent',
    partnerDossierId: `VDAB-${index}`,
    createdAt: '2026-11-20T09:00:00.000Z',
  };
}

/** A queue of TOTAL open items, answered a page at a time as the API does, or one item by its dossier id. */
function renderQueue(dismissAnswer?: () => Response) {
  const asked: URLSearchParams[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      if (dismissAnswer && init?.method === 'POST' && path.endsWith('/dismiss')) return dismissAnswer();
      const parameters = new URL(path, 'http://localhost').searchParams;
      asked.push(parameters);
      const limit = Number(parameters.get('limit'));
      const offset = Number(parameters.get('offset') ?? 0);
      const dossier = parameters.get('partnerDossierId');
      const all = Array.from({ length: queueTotal }, (_, index) => item(index + 1));
      const matching = dossier ? all.filter((candidate) => candidate.partnerDossierId === dossier) : all;
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
      <StaticAuthProvider session={null}>
        <ReconciliationPage />
      </StaticAuthProvider>
    </I18nProvider>,
  );
  return asked;
}

describe('the reconciliation queue', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    queueTotal = TOTAL;
  });

  it('shows the queue a page at a time, with the way to the pages before and after', async () => {
    const asked = renderQueue();
    const user = userEvent.setup();
    await screen.findByText(`Rijen 1–${RECONCILIATION_PAGE_SIZE} van ${TOTAL}`);
    expect(screen.getAllByRole('row')).toHaveLength(RECONCILIATION_PAGE_SIZE + 1);
    expect(screen.getByRole('button', { name: 'Vorige' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    await screen.findByText(`Rijen 101–200 van ${TOTAL}`);
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    await screen.findByText(`Rijen 201–250 van ${TOTAL}`);
    expect(screen.getByRole('row', { name: /VDAB-250/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Volgende' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Vorige' }));
    await screen.findByText(`Rijen 101–200 van ${TOTAL}`);
    expect(asked.map((parameters) => parameters.get('offset'))).toEqual(['0', '100', '200', '100']);
    expect(new Set(asked.map((parameters) => parameters.get('state')))).toEqual(new Set(['OPEN']));
  });

  it("says why each row is queued in the reader's language, the trajectory's own words marked as English", async () => {
    renderQueue();
    await screen.findByText(`Rijen 1–${RECONCILIATION_PAGE_SIZE} van ${TOTAL}`);
    const reasonOf = (dossier: string) =>
      within(screen.getByRole('row', { name: new RegExp(`${dossier} `) })).getAllByRole('cell')[2];

    expect(reasonOf('VDAB-1').textContent).toBe('geen open traject voor deze inburgeraar');
    expect(reasonOf('VDAB-2').textContent).toBe(
      'het traject weigerde de inschrijving: registeredOn must not be after today',
    );
    expect(reasonOf('VDAB-2').querySelector('[lang="en"]')?.textContent).toBe(
      'registeredOn must not be after today',
    );
    expect(reasonOf('VDAB-3').querySelector('[lang="en"]')?.textContent).toBe(
      'no trajectory for this national number',
    );
    // A refusal the queue kept with its key is worded in Dutch too.
    expect(reasonOf('VDAB-4').textContent).toBe(
      'het traject weigerde de inschrijving: Datum van inschrijving mag niet vóór de ondertekening van het contract op 02/03/2026 liggen.',
    );
    expect(reasonOf('VDAB-4').querySelector('[lang="en"]')).toBeNull();
  });

  it('goes back a page when the last rows of the last page were resolved', async () => {
    const asked = renderQueue();
    const user = userEvent.setup();
    await screen.findByText(`Rijen 1–${RECONCILIATION_PAGE_SIZE} van ${TOTAL}`);
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    await user.click(await screen.findByRole('button', { name: 'Volgende' }));
    await screen.findByText(`Rijen 201–250 van ${TOTAL}`);

    // This row is dismissed, and the other 49 of the page meanwhile by colleagues.
    await user.click(screen.getByRole('button', { name: 'Afwijzen VDAB-201' }));
    await user.type(screen.getByLabelText(/Reden/), 'geen inburgeraar');
    queueTotal = 200;
    await user.click(
      within(screen.getByRole('form', { name: 'Rij afwijzen' })).getByRole('button', { name: 'Afwijzen' }),
    );
    await screen.findByText('Rijen 101–200 van 200');
    const pages = asked.filter((parameters) => parameters.has('limit'));
    expect(pages.map((parameters) => parameters.get('offset'))).toEqual(['0', '100', '200', '200', '100']);
  });

  it('says in Dutch that a colleague resolved the row meanwhile', async () => {
    const resolved = because('RECONCILIATION_ITEM_RESOLVED', { itemId: 'item-1', itemState: 'LINKED' });
    renderQueue(() =>
      Response.json(
        {
          type: 'urn:inburgering:problem:invalid-state',
          title: 'Conflict',
          status: 409,
          detail: resolved.message,
          ...resolved,
        },
        { status: 409, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    const user = userEvent.setup();
    await screen.findByText(`Rijen 1–${RECONCILIATION_PAGE_SIZE} van ${TOTAL}`);
    await user.click(screen.getByRole('button', { name: 'Afwijzen VDAB-1' }));
    await user.type(screen.getByLabelText(/Reden/), 'geen inburgeraar');
    await user.click(
      within(screen.getByRole('form', { name: 'Rij afwijzen' })).getByRole('button', { name: 'Afwijzen' }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Deze rij is intussen al afgehandeld (gekoppeld).',
    );
  });

  it("finds one registration by the partner's dossier id, from the first page", async () => {
    const asked = renderQueue();
    const user = userEvent.setup();
    await screen.findByText(`Rijen 1–${RECONCILIATION_PAGE_SIZE} van ${TOTAL}`);
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    await screen.findByText(`Rijen 101–200 van ${TOTAL}`);

    const search = screen.getByRole('search', { name: 'Zoeken' });
    await user.type(within(search).getByLabelText('Dossier partner'), '  VDAB-7 ');
    await user.click(within(search).getByRole('button', { name: 'Zoeken' }));
    await screen.findByText('Rijen 1–1 van 1');
    expect(screen.getByRole('row', { name: /VDAB-7\b/ })).toBeTruthy();
    expect(asked.at(-1)?.get('partnerDossierId')).toBe('VDAB-7');
    expect(asked.at(-1)?.get('offset')).toBe('0');
  });
});
