import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { capList, LIST_CAPS, MaxItems } from '../../graphql/list-cap';
import { CENTER_STAFF, REQUEST_HANDOVER_ACCEPTANCE } from '../../modules/auth/access';
import { Department } from '../../modules/org/department.entity';
import { User } from '../../modules/org/user.entity';
import { ProcessTask } from '../../modules/processes/process-task.entity';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { HandoverAcceptance } from './handover-acceptance.entity';
import { HandoverAcceptanceInput } from './handover-acceptance.inputs';
import { HandoverCircuit, HandoverContractor, HandoverTaskBrief } from './handover-acceptance.types';
import { HandoverTest } from './handover-test.entity';

/** A round has ten checks; a long rework history still fits. */
const MAX_TESTS = 500;

@Resolver(() => Ticket)
export class HandoverAcceptanceResolver {
  @Authorized(...REQUEST_HANDOVER_ACCEPTANCE)
  @Mutation(() => Ticket, {
    description:
      'requests a handover acceptance (交维验收): a HANDOVER_ACCEPTANCE ticket owned by network construction; the contractor is offered the application',
  })
  requestHandoverAcceptance(@Arg('input') input: HandoverAcceptanceInput, @Ctx() ctx: AppContext): Promise<Ticket> {
    return ctx.services.handoverAcceptance.request(ctx, input);
  }

  // Contractors and tests of other departments are the center's business, not the customer's.
  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => HandoverAcceptance, {
    nullable: true,
    description: 'a handover acceptance: works, contractor, rounds, tests (staff only)',
  })
  handoverAcceptance(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<HandoverAcceptance> | null> {
    return ctx.loaders.handoverByTicket.load(ticket.id);
  }
}

@Resolver(() => HandoverAcceptance)
export class HandoverAcceptanceFieldsResolver {
  @FieldResolver(() => HandoverContractor)
  contractor(@Root() acceptance: Row<HandoverAcceptance>): HandoverContractor {
    return { departmentId: acceptance.contractorDepartment.id, userId: acceptance.contractorUser?.id ?? null };
  }

  @FieldResolver(() => Department, { description: 'who maintains the circuits once approved' })
  maintainingDepartment(@Root() acceptance: Row<HandoverAcceptance>, @Ctx() ctx: AppContext): MaybePromise<Row<Department> | null> {
    return ctx.loaders.departmentById.load(acceptance.maintainingDepartment.id);
  }

  @MaxItems(MAX_TESTS)
  @FieldResolver(() => [HandoverTest], { description: `every check of every round, oldest round first (at most ${MAX_TESTS})` })
  tests(@Root() acceptance: Row<HandoverAcceptance>, @Ctx() ctx: AppContext): Promise<Row<HandoverTest>[]> {
    return capList(ctx.loaders.handoverTests.load(acceptance.id), MAX_TESTS);
  }

  @MaxItems(LIST_CAPS.ticketCircuits)
  @FieldResolver(() => [HandoverCircuit], {
    description: `the circuits accepted and who maintains each (the first ${LIST_CAPS.ticketCircuits})`,
  })
  async circuits(@Root() acceptance: Row<HandoverAcceptance>, @Ctx() ctx: AppContext): Promise<HandoverCircuit[]> {
    const circuits = await capList(ctx.loaders.circuitsByTicket.load(acceptance.ticketId), LIST_CAPS.ticketCircuits);
    return circuits.map((circuit) => ({ circuit }));
  }
}

@Resolver(() => HandoverContractor)
export class HandoverContractorResolver {
  @FieldResolver(() => Department)
  department(@Root() contractor: HandoverContractor, @Ctx() ctx: AppContext): MaybePromise<Row<Department> | null> {
    return ctx.loaders.departmentById.load(contractor.departmentId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'the named contractor, when the request named one' })
  user(@Root() contractor: HandoverContractor, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return contractor.userId ? ctx.loaders.userById.load(contractor.userId) : null;
  }
}

@Resolver(() => HandoverCircuit)
export class HandoverCircuitResolver {
  @FieldResolver(() => Department, {
    nullable: true,
    description: 'the maintaining unit recorded on the circuit (null: not handed over yet)',
  })
  maintainingDepartment(@Root() handed: HandoverCircuit, @Ctx() ctx: AppContext): MaybePromise<Row<Department> | null> {
    const department = handed.circuit.maintainingDepartment;
    return department ? ctx.loaders.departmentById.load(department.id) : null;
  }
}

@Resolver(() => ProcessTask)
export class HandoverTaskResolver {
  // Whoever may see the task may read this: a contractor learns the works and what to fix, nothing of the customer.
  @FieldResolver(() => HandoverTaskBrief, { nullable: true, description: 'a handover-acceptance task: the works and the defects to fix' })
  handoverBrief(@Root() task: Row<ProcessTask>, @Ctx() ctx: AppContext): MaybePromise<HandoverTaskBrief | null> {
    return ctx.loaders.handoverBriefByInstance.load(task.instance.id);
  }
}
