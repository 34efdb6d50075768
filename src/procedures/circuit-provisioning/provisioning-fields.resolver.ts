import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { HeldInRow, MaxItems } from '../../graphql/list-cap';
import { CENTER_STAFF } from '../../modules/auth/access';
import { Circuit } from '../../modules/circuits/circuit.entity';
import { Customer } from '../../modules/customers/customer.entity';
import { User } from '../../modules/org/user.entity';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { TicketReport } from '../../modules/tickets/ticket-report.entity';
import { ORDER_CIRCUITS_MAX } from './provisioning.inputs';
import { provisioningLoaders } from './provisioning.loaders';
import { ProvisioningStepView } from './provisioning.types';
import { ProvisioningCircuit } from './provisioning-circuit.entity';
import { ProvisioningOrder } from './provisioning-order.entity';
import { ProvisioningProject } from './provisioning-project.entity';
import { CHAINS } from './provisioning-steps';

/** At most this many orders are listed on a project (a contract's circuits, one order each at most). */
export const PROJECT_ORDERS_MAX = 200;

@Resolver(() => Ticket)
export class TicketProvisioningResolver {
  // Step limits, departments and lateness are the center's own management: staff only.
  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => ProvisioningOrder, {
    nullable: true,
    description: 'a CIRCUIT_DISPATCH ticket: its order, steps and circuits (staff only)',
  })
  provisioning(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<ProvisioningOrder> | null> {
    return provisioningLoaders(ctx.em).orderByTicket.load(ticket.id);
  }
}

@Resolver(() => ProvisioningOrder)
export class ProvisioningFieldsResolver {
  @HeldInRow()
  @FieldResolver(() => [ProvisioningStepView], { description: 'the steps as planned, when each was done, and which were late' })
  async steps(@Root() order: Row<ProvisioningOrder>, @Ctx() ctx: AppContext): Promise<ProvisioningStepView[]> {
    const done = await provisioningLoaders(ctx.em).doneTimesByTicket.load(order.ticketId);
    const now = ctx.clock.now().getTime();
    return order.steps.map((step) => {
      const elements = CHAINS[order.chain].find((s) => s.step === step.step)?.elements ?? [step.step];
      const times = elements.map((element) => done.get(element)?.getTime()).filter((t): t is number => t !== undefined);
      const doneAt = times.length > 0 ? new Date(Math.max(...times)) : null;
      const dueAt = new Date(step.dueAt);
      return {
        step: step.step,
        name: step.name,
        department: step.department,
        days: step.days,
        dueAt,
        doneAt,
        late: (doneAt?.getTime() ?? now) > dueAt.getTime(),
        remindedAt: step.remindedAt ? new Date(step.remindedAt) : null,
        chasedAt: step.chasedAt ? new Date(step.chasedAt) : null,
      };
    });
  }

  @MaxItems(ORDER_CIRCUITS_MAX)
  @FieldResolver(() => [ProvisioningCircuit], { description: `the order's circuits (at most ${ORDER_CIRCUITS_MAX})` })
  circuits(@Root() order: Row<ProvisioningOrder>, @Ctx() ctx: AppContext): MaybePromise<Row<ProvisioningCircuit>[]> {
    return provisioningLoaders(ctx.em).circuitsByTicket.load(order.ticketId);
  }
}

@Resolver(() => ProvisioningCircuit)
export class ProvisionedCircuitFieldsResolver {
  @FieldResolver(() => Circuit)
  circuit(@Root() row: Row<ProvisioningCircuit>, @Ctx() ctx: AppContext): MaybePromise<Row<Circuit> | null> {
    return ctx.loaders.circuitById.load(row.circuitId);
  }

  @FieldResolver(() => TicketReport, {
    nullable: true,
    description: "the order's test report (its first), which covers each of its circuits",
  })
  testReport(@Root() row: Row<ProvisioningCircuit>, @Ctx() ctx: AppContext): MaybePromise<Row<TicketReport> | null> {
    return provisioningLoaders(ctx.em).testReportByTicket.load(row.ticketId);
  }
}

@Resolver(() => ProvisioningProject)
export class ProvisioningProjectFieldsResolver {
  @MaxItems(PROJECT_ORDERS_MAX)
  @FieldResolver(() => [Ticket], { description: `the contract's orders, oldest first (at most ${PROJECT_ORDERS_MAX})` })
  async orders(@Root() project: Row<ProvisioningProject>, @Ctx() ctx: AppContext): Promise<Row<Ticket>[]> {
    const ids = (await provisioningLoaders(ctx.em).ticketsOfProject.load(project.id)).slice(0, PROJECT_ORDERS_MAX);
    const tickets = await ctx.loaders.ticketById.loadMany(ids);
    return tickets.filter((ticket): ticket is Row<Ticket> => ticket !== null);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() project: Row<ProvisioningProject>, @Ctx() ctx: AppContext): MaybePromise<Row<Customer> | null> {
    return ctx.loaders.customerById.load(project.customerId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'who filed the documents' })
  async archivedBy(@Root() project: Row<ProvisioningProject>, @Ctx() ctx: AppContext): Promise<Row<User> | null> {
    const userId = project.archivedOnTicketId ? await provisioningLoaders(ctx.em).archiverByTicket.load(project.archivedOnTicketId) : null;
    return userId ? ctx.loaders.userById.load(userId) : null;
  }
}
