import { EXEMPTION_REASONS } from '../../../../libs/domain/src/target-group/exemption-reasons';
import { TARGET_GROUP_RULES } from '../../../../libs/domain/src/target-group/target-group-rules';
import type { NextAction, Pillar } from '../api/types';
import { formatDate } from '../format/format';
import { hasMessage, Language, Translate } from './i18n';

type Label = (prefix: string, value: string | null | undefined) => string;

const DATE_PARAMETERS = new Set(['dueOn', 'suspendedFrom', 'intakeOn']);

/**
 * A next action in the reader's language: the catalogue's text of its key (NEXT_ACTION_KEYS in the domain) with
 * the parameters in Belgian formats and the kinds named in words. An API newer than this app may send a key the
 * catalogue does not know yet: then its English description.
 */
export function nextActionText(action: NextAction, t: Translate, label: Label, language: Language): string {
  const key = `nextAction.${action.key}`;
  if (!hasMessage(key)) return action.description;
  const number = new Intl.NumberFormat(language === 'nl' ? 'nl-BE' : 'en-GB');
  const params = Object.fromEntries(
    Object.entries(action.params ?? {}).map(([name, value]) => {
      if (typeof value === 'number') return [name, number.format(value)];
      if (DATE_PARAMETERS.has(name)) return [name, formatDate(value)];
      if (name === 'deadlineKind') return [name, label('deadline.', value)];
      if (name === 'violationKind') return [name, label('violation.', value)];
      return [name, value === '' ? '–' : value];
    }),
  );
  return t(key, params);
}

/**
 * The document and lines a domain citation names (`BBT 2020-2021 l.1203-1205`), without the quotation and the notes
 * after them, which are in the source's language or in English.
 */
export function documentCited(citation: string): string {
  return citation.split(': ')[0]!;
}

/**
 * The rule that decided a target group, in the reader's language, and where it comes from: the document and lines
 * the domain cites (a `public:` citation is the decree itself).
 */
export function targetGroupRuleText(
  ruleId: string,
  t: Translate,
): { explanation: string | undefined; source: string | undefined } {
  const key = `rule.${ruleId}`;
  const cited =
    (TARGET_GROUP_RULES as Record<string, string>)[ruleId] ??
    (EXEMPTION_REASONS as Record<string, string>)[ruleId.replace(/^EXEMPT_/, '')];
  const document = cited === undefined ? undefined : documentCited(cited);
  return {
    explanation: hasMessage(key) ? t(key) : undefined,
    source: document === 'public' ? t('trajectory.targetGroup.publicSource') : document,
  };
}

/**
 * Why a pillar applies (or not), in the reader's language: the catalogue's text of its key (PILLAR_REASON_KEYS in the
 * domain), values named in words and the rule's source as the document and lines it cites. A trajectory whose
 * pillars were determined before the keys existed (or a key this app does not know yet) shows the English reason.
 */
export function pillarReasonText(
  pillar: Pick<Pillar, 'applicabilityReason' | 'applicabilityReasonKey' | 'applicabilityReasonParams'>,
  t: Translate,
  label: Label,
): string {
  const key = `pillarReason.${pillar.applicabilityReasonKey ?? ''}`;
  if (!pillar.applicabilityReasonKey || !hasMessage(key)) return pillar.applicabilityReason;
  const params = Object.fromEntries(
    Object.entries(pillar.applicabilityReasonParams ?? {}).map(([name, value]) => {
      if (name === 'source') return [name, documentCited(String(value))];
      if (name === 'requiredResult' || name === 'literacy' || name === 'unit' || name === 'partner')
        return [name, label('pillarReason.value.', String(value))];
      if (name === 'skills')
        return [
          name,
          String(value)
            .split(',')
            .map((skill) => label('pillarReason.value.', skill))
            .join(', '),
        ];
      return [name, String(value)];
    }),
  );
  return t(key, params);
}
