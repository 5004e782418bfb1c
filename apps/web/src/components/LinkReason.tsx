import { linkReasonOf } from '../../../../libs/domain/src/exchange/registration-outcome';
import type { RowProblem } from '../../../../libs/domain/src/exchange/row-problem';
import { useI18n } from '../i18n/i18n';
import { rowProblemText } from '../i18n/row-problems';

/**
 * Why a partner's registration was not linked, in the reader's language. A trajectory's refusal is worded from its
 * key (`refusal`) where the queue kept it, else kept in the trajectory's own English words; a text no linking rule
 * writes (an older one) is shown as it is. English is marked as such.
 */
export function LinkReason({ reason, refusal }: { reason: string; refusal?: RowProblem | null }) {
  const { t, language, label } = useI18n();
  const known = linkReasonOf(reason);
  if (!known) return <span lang="en">{reason}</span>;
  const worded =
    known.key === 'TRAJECTORY_REFUSED' && refusal ? rowProblemText(refusal, language, t, label) : undefined;
  return (
    <>
      {t(`reconciliation.reason.${known.key}`)}
      {worded ? (
        `: ${worded}`
      ) : known.detail ? (
        <>
          {': '}
          <span lang="en">{known.detail}</span>
        </>
      ) : null}
    </>
  );
}
