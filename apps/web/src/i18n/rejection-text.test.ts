import { describe, expect, it } from 'vitest';
import { because } from '../../../../libs/domain/src/trajectory/rejection';
import { REJECTION_REASONS } from '../../../../libs/domain/src/trajectory/rejection-reasons';
import { translate } from './i18n';
import { nl } from './nl';
import { rejectionText } from './rejection-text';
import { REJECTIONS_IN_DUTCH } from './rejections';

const label = (prefix: string, value: string | null | undefined) =>
  (nl as Record<string, string>)[`${prefix}${value}`] ?? String(value);
const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('nl', key, params);
const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));

describe('the reasons in Dutch', () => {
  it("use only the placeholders of the domain's English wording", () => {
    for (const [reason, { message }] of Object.entries(REJECTION_REASONS)) {
      const english = placeholders(message);
      const dutch = [...placeholders(REJECTIONS_IN_DUTCH[reason as keyof typeof REJECTIONS_IN_DUTCH])];
      expect({ reason, unknown: dutch.filter((name) => !english.has(name)) }).toEqual({
        reason,
        unknown: [],
      });
    }
  });
});

describe('rejectionText', () => {
  const problemOf = (refusal: ReturnType<typeof because>) => ({ ...refusal, detail: refusal.message });

  it('words a reason in Dutch, with the field by its label and dates as DD/MM/YYYY', () => {
    const refusal = because(
      'DATE_IN_FUTURE',
      { field: 'takenOn', date: '2026-06-16', today: '2026-06-15' },
      'takenOn',
    );
    expect(rejectionText(problemOf(refusal), 'nl', t, label)).toBe(
      'Datum van de test: 16/06/2026 ligt in de toekomst (vandaag is het 15/06/2026).',
    );
  });

  it('names a field of a nested object by its last part', () => {
    const refusal = because('MUST_NOT_BE_EMPTY', { field: 'newcomer.municipality' }, 'newcomer.municipality');
    expect(rejectionText(problemOf(refusal), 'nl', t, label)).toBe('Gemeente mag niet leeg zijn.');
  });

  it('names a closure reason, an exemption reason and a policy action status by their labels, not their codes', () => {
    const closed = because('TRAJECTORY_CLOSED', {
      closureReason: 'MOVED_OUT_OF_FLANDERS',
      closedOn: '2025-06-30',
    });
    expect(rejectionText(problemOf(closed), 'nl', t, label)).toBe(
      'Het traject is afgesloten op 30/06/2025 (verhuisd uit Vlaanderen).',
    );
    const exempt = because('EXEMPTION_ALREADY_GRANTED', {
      grantedOn: '2026-02-03',
      exemptionReason: 'AGED_65_OR_OLDER',
    });
    expect(rejectionText(problemOf(exempt), 'nl', t, label)).toBe(
      'Er is al een vrijstelling toegekend op 03/02/2026 (65 jaar of ouder).',
    );
    const explanation = because('POLICY_ACTION_EXPLANATION_REQUIRED', { actionStatus: 'NOT_STARTED' });
    expect(rejectionText(problemOf(explanation), 'nl', t, label)).toBe(
      'Geef een toelichting bij de status nog op te starten.',
    );
  });

  it("words why a pillar does not apply from its reason's key and parameters", () => {
    const problem = {
      detail: 'the WORK pillar does not apply: not of working age (67 when the contract was signed)',
      reason: 'WORK_PILLAR_NOT_APPLICABLE',
      params: {
        pillar: 'WORK',
        pillarReason: 'WORK_NOT_OF_WORKING_AGE',
        age: 67,
        source: 'BBT 2020-2021 l.1203-1205: "..."',
      },
    };
    expect(rejectionText(problem, 'nl', t, label)).toBe(
      'De pijler werk is niet van toepassing. Niet op beroepsactieve leeftijd (67 jaar bij het ondertekenen van ' +
        'het contract; bron: BBT 2020-2021 l.1203-1205).',
    );
  });

  it('leaves an English reader, and a reason the app does not know, to the detail', () => {
    const refusal = because('TRAJECTORY_NOT_FOUND');
    expect(rejectionText(problemOf(refusal), 'en', t, label)).toBeUndefined();
    expect(
      rejectionText({ ...problemOf(refusal), reason: 'A_REASON_OF_A_NEWER_API' }, 'nl', t, label),
    ).toBeUndefined();
    expect(rejectionText({ detail: 'not found' }, 'nl', t, label)).toBeUndefined();
  });
});
