import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { because } from '../../../../libs/domain/src/trajectory/rejection';
import { api } from '../api/client';
import { I18nProvider } from '../i18n/i18n';
import { COMMAND_FORMS } from './commands';
import { CommandFormView } from './CommandFormView';

function problemResponse(status: number, problem: object): Response {
  return new Response(JSON.stringify(problem), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function renderContractForm(onDone = vi.fn()) {
  const form = COMMAND_FORMS.SIGN_CONTRACT!;
  render(
    <I18nProvider language="nl">
      <CommandFormView
        title={form.title}
        fields={form.fields}
        onSubmit={(body) => api(form.path('t-1'), { body })}
        onDone={onDone}
      />
    </I18nProvider>,
  );
  return onDone;
}

describe('a command form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('labels every control and shows its own check next to the field, sending nothing', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderContractForm();

    const date = screen.getByLabelText(/Datum van ondertekening/);
    await userEvent.type(date, '31/02/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription(/Geef een datum als dd\/mm\/jjjj\./);
    expect(date).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Verbeter de aangeduide velden.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the domain's reason from the problem details next to the field it names", async () => {
    const reason = 'signedOn: the contract cannot be signed before the intake (2026-03-01)';
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        problemResponse(422, {
          type: 'urn:inburgering:problem:rule-violation',
          title: 'A rule refuses the command',
          status: 422,
          detail: reason,
          code: 'CONTRACT_BEFORE_INTAKE',
          field: 'signedOn',
        }),
      ),
    );
    const onDone = renderContractForm();

    await userEvent.type(screen.getByLabelText(/Datum van ondertekening/), '15/02/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    const date = await screen.findByLabelText(/Datum van ondertekening/);
    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(date).toHaveAccessibleDescription(new RegExp(reason.replace(/[()]/g, '\\$&')));
    expect(onDone).not.toHaveBeenCalled();
  });

  it("words the domain's reason in Dutch, next to the field it names, from its reason and parameters", async () => {
    const refusal = because('BEFORE_INTAKE', { field: 'signedOn', earliest: '2026-03-01' }, 'signedOn');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problemResponse(422, { status: 422, ...refusal, detail: refusal.message })),
    );
    renderContractForm();

    await userEvent.type(screen.getByLabelText(/Datum van ondertekening/), '15/02/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    const worded = 'Datum van ondertekening mag niet vóór de intake op 01/03/2026 liggen.';
    expect(await screen.findByText(worded)).toBeInTheDocument();
    expect(screen.getByLabelText(/Datum van ondertekening/)).toHaveAccessibleDescription(new RegExp(worded));
    expect(screen.queryByText(refusal.message)).not.toBeInTheDocument();
  });

  it('words a reason for no field of the form above it, and shows the English detail to an English reader', async () => {
    const refusal = because('TRAJECTORY_SUSPENDED', { suspendedFrom: '2026-04-01' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problemResponse(409, { status: 409, ...refusal, detail: refusal.message })),
    );
    renderContractForm();
    await userEvent.type(screen.getByLabelText(/Datum van ondertekening/), '15/02/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Niet aanvaard: Het traject is geschorst sinds 01/04/2026. Hervat het eerst.',
    );
  });

  it("words a bad field of a 400 in Dutch from its reason's key, next to the field", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        problemResponse(400, {
          type: 'urn:inburgering:problem:invalid-request',
          title: 'The request has invalid fields',
          status: 400,
          detail: 'signedOn must be a real date written YYYY-MM-DD',
          field: 'signedOn',
          errors: [
            {
              field: 'signedOn',
              detail: 'signedOn must be a real date written YYYY-MM-DD',
              reason: 'INPUT_NOT_A_REAL_DATE',
              params: { field: 'signedOn' },
            },
          ],
        }),
      ),
    );
    renderContractForm();

    const date = screen.getByLabelText(/Datum van ondertekening/);
    await userEvent.type(date, '02/03/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    await vi.waitFor(() =>
      expect(date).toHaveAccessibleDescription(/Datum van ondertekening: geef een bestaande datum\./),
    );
    expect(date).not.toHaveAccessibleDescription(/real date/);
  });

  it('sends the date as YYYY-MM-DD and reports success', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ version: 3 }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    const onDone = renderContractForm();

    await userEvent.type(screen.getByLabelText(/Datum van ondertekening/), '15/02/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith({ version: 3 }));
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/trajectories/t-1/contract');
    expect(JSON.parse(init.body as string)).toEqual({ signedOn: '2026-02-15' });
  });

  it('shows a rejection for a field the form does not have above the form', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        problemResponse(409, { status: 409, detail: 'the trajectory is suspended', code: 'INVALID_STATE' }),
      ),
    );
    renderContractForm();
    await userEvent.type(screen.getByLabelText(/Datum van ondertekening/), '15/02/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Niet aanvaard: the trajectory is suspended');
  });
});
