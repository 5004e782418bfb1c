import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { determinePillars } from '../../../../libs/domain/src/pillars/applicability';
import { policyVersionById } from '../../../../libs/domain/src/policy/policy-versions';
import { TARGET_GROUP_RULES } from '../../../../libs/domain/src/target-group/target-group-rules';
import { nextActions, NextActionsInput } from '../../../../libs/domain/src/trajectory/next-actions';
import type { Trajectory } from '../api/types';
import { StaticAuthProvider } from '../auth/auth';
import { I18nProvider, Language } from '../i18n/i18n';
import { TrajectoryPage } from './TrajectoryPage';

const pillar = (name: string, extra: object = {}) => ({
  pillar: name,
  applicability: 'REQUIRED',
  status: 'IN_PROGRESS',
  applicabilityReason: null,
  completedOn: null,
  completionCondition: null,
  targetLevel: null,
  targetHours: null,
  hours: null,
  details: null,
  ...extra,
});

/** A trajectory whose next actions are the domain's own, with several wordings and parameters. */
function trajectory(): Trajectory {
  const input: NextActionsInput = {
    status: 'OPEN',
    phase: 'CONTRACT_SIGNED',
    intakeOn: '2026-01-05',
    contractSignedOn: '2026-01-20',
    deadlines: [
      { kind: 'VDAB_REGISTRATION', dueOn: '2026-03-20', state: 'OPEN' },
      { kind: 'AGENCY_REGISTRATION', dueOn: '2026-01-10', state: 'OPEN' },
    ],
    violations: [{ state: 'OPEN', violationId: 'v-1', kind: 'REFUSAL_TO_SIGN' }],
    pillars: [
      pillar('MO', { details: { enrolments: 1, testAttempts: 2 } }),
      pillar('NT2', { targetLevel: 'A2', details: { referrals: 0 } }),
      pillar('PARTICIPATION', { hours: 12.5, targetHours: 40 }),
    ],
  };
  return {
    trajectoryId: 't-1',
    givenName: 'Amina',
    familyName: 'Haddad',
    status: 'OPEN',
    phase: 'CONTRACT_SIGNED',
    deadlines: [
      {
        deadlineId: 'd-1',
        trajectoryId: 't-1',
        kind: 'VDAB_REGISTRATION',
        dueOn: '2026-03-20',
        state: 'OPEN',
        metOn: null,
        policyVersion: '2023',
        source:
          'BBT 2020-2021 l.1203-1205: "uiterlijk 2 maanden na het ondertekenen" (the anchor is a parameter)',
        agency: 'IN_GENT',
        counsellorId: null,
        municipality: 'Gent',
      },
    ],
    targetGroup: {
      status: 'OBLIGED',
      derivedStatus: 'OBLIGED',
      ruleId: 'OBLIGED_NEWCOMER_FIRST_STAY',
      exemptionReason: null,
      overrideReason: null,
    },
    pillars: pillarsOfTheDomain(),
    nextActions: nextActions(input, { today: '2026-02-01' }),
  };
}

/** The domain's own determination (a low-literate Brussels resident who works), as the API shows it. */
function pillarsOfTheDomain(): Trajectory['pillars'] {
  const determined = determinePillars({
    policy: policyVersionById('2023'),
    signedOn: '2026-01-20' as never,
    birthDate: '1990-05-01' as never,
    profile: { literacy: 'LOW_LITERATE', working: true },
    voluntary: false,
    partner: 'ACTIRIS',
  });
  return (['MO', 'NT2', 'WORK', 'PARTICIPATION'] as const).map((name) =>
    pillar(name, {
      applicabilityReason: determined[name].reason,
      applicabilityReasonKey: determined[name].reasonKey,
      applicabilityReasonParams: determined[name].reasonParams,
    }),
  ) as unknown as Trajectory['pillars'];
}

function renderPage(language: Language, shown: Trajectory) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) =>
      Response.json(path.endsWith('/timeline') ? { trajectoryId: 't-1', events: [] } : shown),
    ),
  );
  render(
    <I18nProvider language={language}>
      <StaticAuthProvider session={null}>
        <TrajectoryPage trajectoryId="t-1" />
      </StaticAuthProvider>
    </I18nProvider>,
  );
}

describe('the trajectory page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the domain's next actions and rule in Dutch, without the domain's English text", async () => {
    const shown = trajectory();
    renderPage('nl', shown);
    await screen.findByText(/Traject van|Amina Haddad/);
    const text = document.body.textContent ?? '';

    expect(shown.nextActions!.map((action) => action.key)).toEqual([
      'MEET_DEADLINE_OVERDUE',
      'REGISTER_WITH_VDAB_DUE',
      'DECIDE_VIOLATION_OF_KIND',
      'TAKE_MO_TEST_AGAIN',
      'REFER_TO_NT2_COURSE',
      'LOG_PARTICIPATION_HOURS_TO_GO',
    ]);
    for (const action of shown.nextActions!) expect(text).not.toContain(action.description);
    for (const pillar of shown.pillars!) expect(text).not.toContain(pillar.applicabilityReason);
    expect(text).toContain('Inschrijving bij Actiris binnen 2 maanden na het contract (bron: BBT 2020-2021');
    expect(text).toContain('Facultatief: werkt (bron:');
    expect(text).not.toContain(TARGET_GROUP_RULES.OBLIGED_NEWCOMER_FIRST_STAY.split(': ')[1]);
    expect(text).toMatch(
      /Volg de termijn Aanmelding bij het agentschap op: die verliep op 10\/01\/2026 \(te laat\)/,
    );
    expect(text).toContain('Schrijf de inburgeraar in bij VDAB: uiterlijk 20/03/2026.');
    expect(text).toContain('Laat het inbreukdossier (Weigering het contract te ondertekenen) beslissen');
    expect(text).toContain('niet geslaagde pogingen tot nu toe: 2.');
    expect(text).toContain('doelniveau A2');
    expect(text).toContain('12,5 van 40 uur gedaan, nog 27,5 te gaan');
    expect(text).toContain('voor het eerst meer dan drie maanden in België');
    expect(text).toContain('(Actieplan integratiebeleid l.959-964)');
    expect(text).toContain('Bron: BBT 2020-2021 l.1203-1205 (2023)');
    expect(text).toContain('uiterlijk twee maanden na de ondertekening van het contract');
    // No English word of the domain's sentences is left.
    expect(text).not.toMatch(/\b(the|newcomer|deadline|overdue|due by)\b/i);
  });

  it('shows them in English when English is chosen', async () => {
    renderPage('en', trajectory());
    await screen.findByText(/Amina Haddad/);
    const text = document.body.textContent ?? '';
    expect(text).toContain('Register the newcomer with VDAB: by 20/03/2026.');
    expect(text).toContain('12.5 of 40 hours done, 27.5 to go');
    expect(text).toContain('for the first time are obliged. (Actieplan integratiebeleid l.959-964)');
  });
});
