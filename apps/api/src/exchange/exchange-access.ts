import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Agency, RegistrationPartner } from '../../../../libs/domain/src';
import type { ImportView, ReconciliationItemView } from '../../../../libs/store/src';
import type { CommandContext } from '../http/command-context';

/**
 * The one place where the exchange decides whose data a caller may touch, on top of the route's action
 * (`@Allow`, apps/api/src/access/access-policy.ts): a partner system sends only its own registrations and reads only
 * its own imports; a counsellor or team lead sees and resolves only the queue items of their agency, and the
 * unmatched ones no agency holds yet. What lies outside answers 404, as elsewhere.
 */
@Injectable()
export class ExchangeAccess {
  /** A partner system sending registrations (singly or as a file) on its own behalf. */
  assertMaySubmit(context: CommandContext, partner: RegistrationPartner): void {
    if (context.actor.organisation !== partner) {
      throw new ForbiddenException(
        `${context.actor.organisation} may send registrations of ${context.actor.organisation} only`,
      );
    }
  }

  /** Reading an import's progress and report (it holds national numbers). */
  assertMayRead(context: CommandContext, imported: ImportView): void {
    if (imported.partner !== context.actor.organisation)
      throw new NotFoundException(`import ${imported.importId} not found`);
  }

  /** The agency whose queue a counsellor lists: always their own. */
  reconciliationScope(context: CommandContext, requested: Agency | undefined): Agency {
    const own = context.actor.organisation as Agency;
    if (requested !== undefined && requested !== own) {
      throw new ForbiddenException(`a ${context.actor.role} of ${own} works the queue of ${own} only`);
    }
    return own;
  }

  /** Linking or dismissing one queue item: one of the agency's, or one no agency holds yet. */
  assertMayResolve(context: CommandContext, item: ReconciliationItemView): void {
    if (item.agency !== null && item.agency !== context.actor.organisation) {
      throw new NotFoundException(`reconciliation item ${item.itemId} not found`);
    }
  }
}
