import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { CENTER_STAFF } from '../auth/access';
import { type SlaAlertPayload, Topic } from '../realtime/topics';
import { Ticket } from '../tickets/ticket.entity';
import { SlaAlertKind, SlaClockKind } from './sla.enums';
import { SlaClock } from './sla-clock.entity';

@InputType()
export class SlaAlertFilter {
  @Field(() => [SlaAlertKind], { nullable: true, description: 'WARNING, BREACHED or both (all when left out)' })
  alerts?: SlaAlertKind[];

  @Field(() => [SlaClockKind], { nullable: true })
  clocks?: SlaClockKind[];

  @Field(() => ID, { nullable: true, description: 'only tickets this department owns' })
  ownerDepartmentId?: string;
}

@ObjectType({ simpleResolvers: true, description: "A ticket's clock reached its warning time or its due time" })
export class SlaAlert {
  @Field(() => ID)
  ticketId!: string;

  @Field(() => SlaClockKind)
  clock!: SlaClockKind;

  @Field(() => SlaAlertKind)
  alert!: SlaAlertKind;

  @Field()
  dueAt!: Date;

  @Field()
  at!: Date;
}

const matches = (payload: SlaAlertPayload, filter?: SlaAlertFilter | null) =>
  !filter ||
  ((!filter.alerts?.length || filter.alerts.includes(payload.alert as SlaAlertKind)) &&
    (!filter.clocks?.length || filter.clocks.includes(payload.clock as SlaClockKind)) &&
    (!filter.ownerDepartmentId || filter.ownerDepartmentId === payload.ownerDepartmentId));

@Resolver(() => Ticket)
export class TicketSlaResolver {
  @FieldResolver(() => [SlaClock], { description: 'its deadlines as clocks: RESPONSE, RESOLUTION, and REPORT when one is owed' })
  slaClocks(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): Promise<Row<SlaClock>[]> {
    return ctx.loaders.slaClocksByTicket.load(ticket.id);
  }
}

@Resolver()
export class SlaAlertResolver {
  @Authorized(...CENTER_STAFF)
  @Subscription(() => SlaAlert, {
    topics: Topic.SlaAlert,
    filter: ({ payload, args }: { payload: SlaAlertPayload; args: { filter?: SlaAlertFilter } }) => matches(payload, args.filter),
    description: "warnings and breaches of tickets' SLA clocks, as the sweep finds them (each once)",
  })
  slaAlerts(@Root() payload: SlaAlertPayload, @Arg('filter', () => SlaAlertFilter, { nullable: true }) _filter?: SlaAlertFilter): SlaAlert {
    return {
      ticketId: payload.ticketId,
      clock: payload.clock as SlaClockKind,
      alert: payload.alert as SlaAlertKind,
      dueAt: new Date(payload.dueAt),
      at: new Date(payload.at),
    };
  }
}
