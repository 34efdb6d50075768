import { Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { capList, LIST_CAPS, MaxItems } from '../../graphql/list-cap';
import { CENTER_STAFF } from '../../modules/auth/access';
import { Circuit } from '../../modules/circuits/circuit.entity';
import { Customer } from '../../modules/customers/customer.entity';
import { User } from '../../modules/org/user.entity';
import { ProcessTask } from '../../modules/processes/process-task.entity';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { mayAccessCustomer } from '../../shared/service-context';
import { Cutover } from './cutover.entity';
import { CutoverNoticeStatus, CutoverStatus } from './cutover.enums';
import { CutoverNoticePolicy, CutoverNoticeView } from './cutover.types';
import { isLate } from './lead-time.util';

/** One notice per affected customer; a cutover touching more is several windows in practice. */
const NOTICES_CAP = 100;

const notYetTold = new Set([CutoverNoticeStatus.PENDING, CutoverNoticeStatus.OPEN]);

@Resolver(() => CutoverNoticeView)
export class CutoverNoticeFieldsResolver {
  @FieldResolver(() => Customer)
  customer(@Root() notice: CutoverNoticeView, @Ctx() ctx: AppContext): MaybePromise<Row<Customer> | null> {
    return ctx.loaders.customerById.load(notice.customerId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'who tells the customer' })
  accountManager(@Root() notice: CutoverNoticeView, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return notice.accountManagerId ? ctx.loaders.userById.load(notice.accountManagerId) : null;
  }

  @MaxItems(LIST_CAPS.customerCircuits)
  @FieldResolver(() => [Circuit], {
    description: `the customer's circuits the cutover interrupts (the first ${LIST_CAPS.customerCircuits})`,
  })
  async circuits(@Root() notice: CutoverNoticeView, @Ctx() ctx: AppContext): Promise<Row<Circuit>[]> {
    const ids = notice.circuitIds.slice(0, LIST_CAPS.customerCircuits);
    const circuits = await ctx.loaders.circuitById.loadMany(ids);
    return circuits.filter((circuit): circuit is Row<Circuit> => circuit !== null);
  }

  @FieldResolver(() => Int, { description: "how many of the customer's circuits the cutover interrupts" })
  circuitCount(@Root() notice: CutoverNoticeView): number {
    return notice.circuitIds.length;
  }

  @FieldResolver(() => Cutover, { nullable: true, description: 'the cutover it belongs to (null in a plan)' })
  cutover(@Root() notice: CutoverNoticeView, @Ctx() ctx: AppContext): MaybePromise<Row<Cutover> | null> {
    return notice.cutoverId ? ctx.loaders.cutoverById.load(notice.cutoverId) : null;
  }

  // A stored notice is late by the clock now; a plan's was judged when it was planned.
  @FieldResolver(() => Boolean, { description: 'notifyBy has passed and the customer was not told (a plan: it cannot be told in time)' })
  late(@Root() notice: CutoverNoticeView, @Ctx() ctx: AppContext): boolean {
    if (notice.id === null) return notice.late;
    return (
      notYetTold.has(notice.status) &&
      isLate(ctx.services.calendar.current, { ...notice, leadHours: notice.leadTime.hours }, ctx.clock.now())
    );
  }
}

@Resolver(() => Cutover)
export class CutoverFieldsResolver {
  @FieldResolver(() => Ticket, { nullable: true, description: "its ticket: null to a customer token unless the ticket is that customer's" })
  async ticket(@Root() cutover: Row<Cutover>, @Ctx() ctx: AppContext): Promise<Row<Ticket> | null> {
    const ticket = await ctx.loaders.ticketById.load(cutover.ticketId);
    return ticket && mayAccessCustomer(ctx.actor, ticket.customer.id) ? ticket : null;
  }

  @MaxItems(NOTICES_CAP)
  @FieldResolver(() => [CutoverNoticeView], {
    description: `one per affected customer, most important first (at most ${NOTICES_CAP}); a customer token sees only its own`,
  })
  async notices(@Root() cutover: Row<Cutover>, @Ctx() ctx: AppContext): Promise<CutoverNoticeView[]> {
    const notices = await ctx.loaders.noticesByCutover.load(cutover.id);
    // Every path to a cutover ends here: a customer learns nothing of the other customers it touches.
    const visible = notices.filter((notice) => mayAccessCustomer(ctx.actor, notice.customerId));
    return capList(visible, NOTICES_CAP);
  }

  // Each says something of the other customers it touches (an important one, a refusal): staff only.
  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => Boolean, {
    description: 'a diamond, gold or cross-region customer is affected: the center approves first (staff only)',
  })
  needsApproval(@Root() cutover: Row<Cutover>): boolean {
    return cutover.needsApproval;
  }

  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => CutoverStatus, { description: 'where it stands (staff only)' })
  status(@Root() cutover: Row<Cutover>): CutoverStatus {
    return cutover.status;
  }

  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => Int, { description: 'how many times its time was set: 1, one more per reschedule (staff only)' })
  round(@Root() cutover: Row<Cutover>): number {
    return cutover.round;
  }

  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => String, { nullable: true, description: 'why it is urgent, as the requesting team wrote it (staff only)' })
  reason(@Root() cutover: Row<Cutover>): string | null {
    return cutover.reason ?? null;
  }

  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => String, { nullable: true, description: "the response center's reason for refusing it (staff only)" })
  decisionReason(@Root() cutover: Row<Cutover>): string | null {
    return cutover.decisionReason ?? null;
  }

  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => String, { description: 'the department that carries it out and verifies the service after it (staff only)' })
  networkTeam(@Root() cutover: Row<Cutover>): string {
    return cutover.networkTeam;
  }

  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => User, { nullable: true, description: 'who requested it (staff only)' })
  requestedBy(@Root() cutover: Row<Cutover>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return cutover.requestedBy ? ctx.loaders.userById.load(cutover.requestedBy.id) : null;
  }
}

@Resolver(() => CutoverNoticePolicy)
export class CutoverPolicyFieldsResolver {
  @FieldResolver(() => User, { nullable: true, description: 'the administrator who last changed it' })
  updatedBy(@Root() policy: CutoverNoticePolicy, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return policy.updatedById ? ctx.loaders.userById.load(policy.updatedById) : null;
  }
}

@Resolver(() => ProcessTask)
export class CutoverTaskResolver {
  // Whoever may see the task may read this: an account manager learns whom to tell, by when.
  @FieldResolver(() => CutoverNoticeView, { nullable: true, description: 'a cutover notice task: the customer to tell and by when' })
  cutoverNotice(@Root() task: Row<ProcessTask>, @Ctx() ctx: AppContext): MaybePromise<CutoverNoticeView | null> {
    return ctx.loaders.noticeByInstance.load(task.instance.id);
  }
}
