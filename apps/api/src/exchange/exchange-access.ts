import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Agency, RegistrationPartner } from '../../../../libs/domain/src';
import type { ImportView, ReconciliationItemView } from '../../../../libs/store/src';
import { requireOwnUpload } from '../access/upload-ownership';
import type { CommandContext } from '../http/command-context';

/**
 * The one place where the exchange decides whose data a caller may touch, on top of the route's action
 * (`@Allow`, apps/api/src/access/access-policy.ts): a partner system sends only its own registrations and reads only
 * its own imports; a counsellor or team lead sees and resolves only the queue items of their agency, and the
 * unmatched ones no agency holds yet; a partner's mediator (VDAB, Actiris) the items of its own registrations.
 * A link's trajectory must lie within the caller's scope (RegistrationsController). What lies outside answers 404.
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
    requireOwnUpload(context.actor, imported, (own) => own.partner, `import ${imported.importId}`);
  }

  /** Whose queue a caller lists: a counsellor's or team lead's own agency, a partner mediator's own partner. */
  reconciliationScope(
    context: CommandContext,
    requested: Agency | undefined,
  ): { agency: Agency } | { partner: string } {
    if (context.actor.role === 'work-partner') {
      if (requested !== undefined) {
        throw new ForbiddenException(
          `${context.actor.organisation} works the queue of its own registrations`,
        );
      }
      return { partner: context.actor.organisation };
    }
    const own = context.actor.organisation as Agency;
    if (requested !== undefined && requested !== own) {
      throw new ForbiddenException(`a ${context.actor.role} of ${own} works the queue of ${own} only`);
    }
    return { agency: own };
  }

  /** Linking or dismissing one queue item: one of the agency's, or one no agency holds yet. */
  assertMayResolve(context: CommandContext, item: ReconciliationItemView): void {
    if (context.actor.role === 'work-partner') {
      if (item.partner !== context.actor.organisation)
        throw new NotFoundException(`reconciliation item ${item.itemId} not found`);
      return;
    }
    if (item.agency !== null && item.agency !== context.actor.organisation) {
      throw new NotFoundException(`reconciliation item ${item.itemId} not found`);
    }
  }
}
