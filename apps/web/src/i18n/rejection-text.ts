import type { Problem } from '../api/client';
import { formatDate } from '../format/format';
import { pillarReasonText } from './domain-texts';
import type { Language, Translate } from './i18n';
import { REJECTIONS_IN_DUTCH } from './rejections';

type Label = (prefix: string, value: string | null | undefined) => string;

/** Parameters whose values are codes the catalogue names: the prefix of their keys. */
const NAMED_BY_CATALOGUE: Record<string, string> = {
  pillar: 'pillar.',
  pillarStatus: 'pillar.status.',
  status: 'status.',
  deadlineKind: 'deadline.',
  violationKind: 'violation.',
  targetGroup: 'targetGroup.',
  closureReason: 'closureReason.',
  exemptionReason: 'exemptionReason.',
  actionStatus: 'policyActionStatus.',
  itemState: 'reconciliation.state.',
};

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A refused command's reason in the reader's language, from the problem's `reason` and `params` (the domain's
 * REJECTION_REASONS); undefined when the reader reads English (the API's detail is the domain's English wording) or
 * the app does not know the reason (an API newer than the app): then the detail stands.
 */
export function rejectionText(
  problem: Problem,
  language: Language,
  t: Translate,
  label: Label,
): string | undefined {
  if (language !== 'nl' || typeof problem.reason !== 'string') return undefined;
  const wording = (REJECTIONS_IN_DUTCH as Record<string, string | undefined>)[problem.reason];
  if (!wording) return undefined;
  const params = problem.params ?? {};
  const number = new Intl.NumberFormat('nl-BE');
  return wording.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return number.format(value);
    if (name === 'field') return fieldLabel(value, label);
    if (name === 'pillarReason') return pillarReasonOf(value, params, t, label);
    if (name in NAMED_BY_CATALOGUE) return label(NAMED_BY_CATALOGUE[name]!, value);
    return CALENDAR_DATE.test(value) ? formatDate(value) : value;
  });
}

/**
 * Why a pillar does not apply, worded from its reason's key (`pillarReason`), whose own parameters travel beside it;
 * a pillar determined before the keys existed has its English reason there instead.
 */
function pillarReasonOf(
  reason: string,
  params: Record<string, string | number>,
  t: Translate,
  label: Label,
): string {
  const { pillar: _pillar, pillarReason: _reason, ...reasonParams } = params;
  return pillarReasonText(
    { applicabilityReason: reason, applicabilityReasonKey: reason, applicabilityReasonParams: reasonParams },
    t,
    label,
  );
}

/** A field's label (`profile.literacy` by its last part), or its name when the catalogue has none. */
function fieldLabel(field: string, label: Label): string {
  return label('field.', field.split('.').pop() ?? field);
}
