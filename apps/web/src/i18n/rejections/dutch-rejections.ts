import type { RejectionReason } from '../../../../../libs/domain/src/trajectory/rejection';

/**
 * Reasons in Dutch, each with the placeholders of its English wording (or fewer): `{field}` is the field's label,
 * a date is written DD/MM/YYYY and a number in Belgian form (rejectionText).
 */
export type DutchRejections = Partial<Record<RejectionReason, string>>;
