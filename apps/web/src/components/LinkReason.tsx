import { linkReasonOf } from '../../../../libs/domain/src/exchange/registration-outcome';
import { useI18n } from '../i18n/i18n';

/**
 * Why a partner's registration was not linked, in the reader's language; a trajectory's refusal keeps the
 * trajectory's own words, and a text no linking rule writes (an older one) is shown as it is, both marked as English.
 */
export function LinkReason({ reason }: { reason: string }) {
  const { t } = useI18n();
  const known = linkReasonOf(reason);
  if (!known) return <span lang="en">{reason}</span>;
  return (
    <>
      {t(`reconciliation.reason.${known.key}`)}
      {known.detail ? (
        <>
          {': '}
          <span lang="en">{known.detail}</span>
        </>
      ) : null}
    </>
  );
}
