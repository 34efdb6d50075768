import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { ADMINISTER } from '../auth/access';
import { Ticket } from '../tickets/ticket.entity';
import { HistoricalTicketInput, IMPORT_BATCH_MAX, ImportResult } from './import.inputs';
import { ImportedTicket } from './imported-ticket.entity';

@Resolver()
export class ImportResolver {
  @Authorized(...ADMINISTER)
  @Mutation(() => ImportResult, {
    description: `brings tickets from the earlier system (at most ${IMPORT_BATCH_MAX} a batch, one transaction; one invalid row refuses the batch, naming row and field). Idempotent by externalId. Imported tickets run no procedure and count in the measures like any other (administrators only)`,
  })
  importTickets(
    @Arg('input', () => [HistoricalTicketInput]) input: HistoricalTicketInput[],
    @Ctx() ctx: AppContext,
  ): Promise<ImportResult> {
    return ctx.services.imports.importTickets(ctx, input);
  }
}

@Resolver(() => Ticket)
export class TicketImportResolver {
  @FieldResolver(() => ImportedTicket, {
    nullable: true,
    description: 'set when the ticket was imported from the earlier system (it ran no procedure here)',
  })
  importedFrom(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<ImportedTicket> | null> {
    return ctx.loaders.importByTicket.load(ticket.id);
  }
}
