import { Injectable } from '@nestjs/common';
import type { Agency, RegistrationPartner } from '../../../../libs/domain/src';
import type { ImportView, ReconciliationItemView } from '../../../../libs/store/src';
import type { CommandContext } from '../http/command-context';

/**
 * The one place where the exchange decides who may do what. Until authentication lands (apps/api/src/auth,
 * apps/api/src/access), X-Actor is trusted as sent and every check lets the request through; the scope-aware
 * access utility plugs in here: a partner system may send only its own registrations and read only its own
 * imports, a counsellor sees and resolves only the queue items of their agency (and the unassigned ones).
 */
@Injectable()
export class ExchangeAccess {
  /** A partner system sending registrations (singly or as a file) on its own behalf. */
  assertMaySubmit(_context: CommandContext, _partner: RegistrationPartner): void {}

  /** Reading an import's progress and report (it holds national numbers). */
  assertMayRead(_context: CommandContext, _imported: ImportView): void {}

  /** The agency whose queue a counsellor lists; the filter asked for, narrowed to the counsellor's scope. */
  reconciliationScope(_context: CommandContext, requested: Agency | undefined): Agency | undefined {
    return requested;
  }

  /** Linking or dismissing one queue item. */
  assertMayResolve(_context: CommandContext, _item: ReconciliationItemView): void {}
}
