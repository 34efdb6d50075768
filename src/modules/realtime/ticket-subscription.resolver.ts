import { Arg, Authorized, Ctx, Field, InputType, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { OptionalIdField } from '../../graphql/id-fields';
import { READ_CENTER_DATA } from '../auth/access';
import { Ticket } from '../tickets/ticket.entity';
import { TicketChangeKind, TicketKind, TicketStatus } from '../tickets/ticket.enums';
import { SharedLoads } from './shared-load';
import { type TicketChangedPayload, Topic } from './topics';

@ObjectType({ simpleResolvers: true, description: 'A committed change to a ticket, with the ticket as it is now' })
export class TicketChangeNotice {
  @Field(() => TicketChangeKind)
  change!: TicketChangeKind;

  @Field()
  at!: Date;

  @Field(() => Ticket, { nullable: true, description: 'null only if the ticket is no longer visible to you' })
  ticket!: Row<Ticket> | null;
}

@InputType()
export class TicketSubscriptionFilter {
  @Field(() => [TicketKind], { nullable: true })
  kinds?: TicketKind[];

  @Field(() => [TicketStatus], { nullable: true, description: 'the status after the change' })
  statuses?: TicketStatus[];

  @OptionalIdField()
  customerId?: string;

  @OptionalIdField()
  departmentId?: string;

  @OptionalIdField()
  assigneeId?: string;
}

export function matchesTicketFilter(payload: TicketChangedPayload, filter: TicketSubscriptionFilter | undefined | null): boolean {
  if (!filter) return true;
  if (filter.kinds?.length && !filter.kinds.includes(payload.kind)) return false;
  if (filter.statuses?.length && !filter.statuses.includes(payload.status)) return false;
  if (filter.customerId && filter.customerId !== payload.customerId) return false;
  if (filter.departmentId && filter.departmentId !== payload.ownerDepartmentId) return false;
  if (filter.assigneeId && filter.assigneeId !== payload.assigneeId) return false;
  return true;
}

const sharedTickets = new SharedLoads<Row<Ticket> | null>();

@Resolver()
export class TicketSubscriptionResolver {
  @Authorized(...READ_CENTER_DATA)
  @Subscription(() => TicketChangeNotice, {
    topics: Topic.TicketChanged,
    filter: ({
      payload,
      args,
      context,
    }: {
      payload: TicketChangedPayload;
      args: { filter?: TicketSubscriptionFilter };
      context: AppContext;
    }) =>
      (context.actor.kind !== 'customer' || payload.customerId === context.actor.customerId) && matchesTicketFilter(payload, args.filter),
    description: 'every committed ticket change, from any hub on the same database',
  })
  async ticketChanged(
    @Root() payload: TicketChangedPayload,
    @Ctx() ctx: AppContext,
    @Arg('filter', () => TicketSubscriptionFilter, { nullable: true }) _filter?: TicketSubscriptionFilter,
  ): Promise<TicketChangeNotice> {
    ctx.renew();
    const ticket = await sharedTickets.load(payload.eventId, async () => ctx.loaders.ticketById.load(payload.ticketId));
    return { change: payload.change, at: new Date(payload.at), ticket };
  }
}
