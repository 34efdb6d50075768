import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import { connectionType, toConnection } from '../../graphql/connection';
import type { AppContext } from '../../graphql/context';
import { historyLimit } from '../../graphql/history-limit';
import { LIST_CAPS, MaxItems } from '../../graphql/list-cap';
import { lookupKey } from '../../graphql/lookup-key';
import { PageArgs } from '../../graphql/page-args';
import { CENTER_STAFF, EDIT_CIRCUITS, READ_CENTER_DATA } from '../auth/access';
import { Customer } from '../customers/customer.entity';
import { SubjectType } from '../history/history.enums';
import { HistoryEvent } from '../history/history-event.entity';
import { Department } from '../org/department.entity';
import { Circuit } from './circuit.entity';
import { CircuitFilter, CircuitOrder, CreateCircuitInput, UpdateCircuitInput } from './circuit.inputs';

export const CircuitConnection = connectionType(Circuit, 'Circuit');

@Resolver(() => Circuit)
export class CircuitResolver {
  @Authorized(...READ_CENTER_DATA)
  @Query(() => CircuitConnection)
  async circuits(
    @Args() page: PageArgs,
    @Ctx() ctx: AppContext,
    @Arg('filter', () => CircuitFilter, { nullable: true }) filter?: CircuitFilter,
    @Arg('orderBy', () => CircuitOrder, { nullable: true }) orderBy?: CircuitOrder,
  ) {
    return toConnection(CircuitConnection, await ctx.services.circuits.list(ctx, page, filter, orderBy));
  }

  @Authorized(...READ_CENTER_DATA)
  @Query(() => Circuit, { nullable: true })
  circuit(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'instead of id: the circuit code' }) code?: string,
  ): MaybePromise<Row<Circuit> | null> {
    const key = lookupKey({ id, code });
    return key.field === 'id' ? ctx.services.circuits.find(ctx, key.value) : ctx.services.circuits.findByCode(ctx, key.value);
  }

  @Authorized(...EDIT_CIRCUITS)
  @Mutation(() => Circuit)
  createCircuit(@Arg('input') input: CreateCircuitInput, @Ctx() ctx: AppContext): Promise<Circuit> {
    return ctx.services.circuits.create(ctx, input);
  }

  @Authorized(...EDIT_CIRCUITS)
  @Mutation(() => Circuit)
  updateCircuit(@Arg('input') input: UpdateCircuitInput, @Ctx() ctx: AppContext): Promise<Circuit> {
    return ctx.services.circuits.update(ctx, input);
  }

  @Authorized(...EDIT_CIRCUITS)
  @Mutation(() => Circuit, { description: 'circuits are archived, never deleted' })
  archiveCircuit(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason') reason: string,
    @Ctx() ctx: AppContext,
  ): Promise<Circuit> {
    return ctx.services.circuits.archive(ctx, id, version, reason);
  }

  // Which unit maintains a line is the operator's organization, not the customer's business.
  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => Department, {
    nullable: true,
    description: 'who maintains it since its handover acceptance (交维); null before (staff only)',
  })
  maintainingDepartment(@Root() circuit: Row<Circuit>, @Ctx() ctx: AppContext): MaybePromise<Row<Department> | null> {
    return circuit.maintainingDepartment ? ctx.loaders.departmentById.load(circuit.maintainingDepartment.id) : null;
  }

  @FieldResolver(() => Customer)
  customer(@Root() circuit: Row<Circuit>, @Ctx() ctx: AppContext): MaybePromise<Row<Customer> | null> {
    return ctx.loaders.customerById.load(circuit.customer.id);
  }

  @MaxItems(LIST_CAPS.history)
  @FieldResolver(() => [HistoryEvent], { description: `changes, newest first (the newest ${LIST_CAPS.history} without last)` })
  history(
    @Root() circuit: Row<Circuit>,
    @Ctx() ctx: AppContext,
    @Arg('last', () => Int, { nullable: true }) last?: number,
  ): Promise<Row<HistoryEvent>[]> {
    return ctx.loaders.history.load({ subjectType: SubjectType.CIRCUIT, subjectId: circuit.id, limit: historyLimit(last) });
  }
}
