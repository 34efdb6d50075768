import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { capList, MaxItems } from '../../graphql/list-cap';
import { CENTER_STAFF, READ_ATTACHMENTS } from '../auth/access';
import { User } from '../org/user.entity';
import { Ticket } from '../tickets/ticket.entity';
import { Attachment } from './attachment.entity';
import { MAX_ATTACH_AT_ONCE } from './attachment.service';

/** A ticket's documents: a handover's drawings and reports, not an archive. */
const TICKET_ATTACHMENTS_CAP = 200;

/** Where an attachment's bytes are downloaded (with the same bearer token), relative to the hub. */
export const attachmentUrl = (id: string): string => `/attachments/${id}`;

@Resolver(() => Attachment)
export class AttachmentResolver {
  @Authorized(...READ_ATTACHMENTS)
  @Query(() => Attachment, { nullable: true, description: 'an attachment you may see (null otherwise, whether or not it exists)' })
  attachment(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Row<Attachment> | null> {
    return ctx.services.attachments.find(ctx, id);
  }

  @Authorized(...CENTER_STAFF)
  @Mutation(() => Ticket, {
    description: `attaches your own uploads (at most ${MAX_ATTACH_AT_ONCE}) to a ticket; one already on another ticket is a CONFLICT`,
  })
  attachToTicket(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('attachmentIds', () => [ID]) attachmentIds: string[],
    @Ctx() ctx: AppContext,
  ): Promise<Ticket> {
    return ctx.services.attachments.attachToTicket(ctx, ticketId, attachmentIds);
  }

  @FieldResolver(() => User)
  uploadedBy(@Root() attachment: Row<Attachment>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return ctx.loaders.userById.load(attachment.uploadedBy.id);
  }

  @FieldResolver(() => String, { description: 'GET it with the same bearer token for the bytes' })
  url(@Root() attachment: Row<Attachment>): string {
    return attachmentUrl(attachment.id);
  }
}

@Resolver(() => Ticket)
export class TicketAttachmentsResolver {
  // Whoever sees the ticket sees its documents: the ticket's own resolvers narrowed it already.
  @MaxItems(TICKET_ATTACHMENTS_CAP)
  @FieldResolver(() => [Attachment], {
    description: `documents on file with this ticket, oldest first (at most ${TICKET_ATTACHMENTS_CAP})`,
  })
  attachments(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): Promise<Row<Attachment>[]> {
    return capList(ctx.loaders.attachmentsByTicket.load(ticket.id), TICKET_ATTACHMENTS_CAP);
  }
}
