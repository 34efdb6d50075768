import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { Department } from '../org/department.entity';
import { User } from '../org/user.entity';
import { HistoryAction } from './history.enums';
import { FieldChange, HistoryEvent } from './history-event.entity';

@Resolver(() => HistoryEvent)
export class HistoryEventResolver {
  @FieldResolver(() => User, { nullable: true, description: 'who made the change (null for the system)' })
  actor(@Root() event: Row<HistoryEvent>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return event.actor ? ctx.loaders.userById.load(event.actor.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'for customer tokens only when the note was written for the customer' })
  note(@Root() event: Row<HistoryEvent>, @Ctx() ctx: AppContext): string | null {
    if (ctx.actor.kind === 'customer' && !event.customerVisible) return null;
    return event.note ?? null;
  }
}

/** What a caller may see of a history: customer tokens do not see internal notes at all. */
export async function visibleHistory(ctx: AppContext, events: Promise<Row<HistoryEvent>[]>): Promise<Row<HistoryEvent>[]> {
  const all = await events;
  if (ctx.actor.kind !== 'customer') return all;
  return all.filter((event) => event.action !== HistoryAction.NOTE_ADDED || event.customerVisible);
}

/** Fields whose values are people or departments: history shows them as such, not as raw ids. */
const USER_FIELDS = new Set(['assignee', 'owner']);
const DEPARTMENT_FIELDS = new Set(['ownerDepartment', 'maintainingDepartment']);

@Resolver(() => FieldChange)
export class FieldChangeResolver {
  @FieldResolver(() => User, { nullable: true, description: 'the person `from` names, when the field holds a person (assignee)' })
  fromUser(@Root() change: FieldChange, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return USER_FIELDS.has(change.field) && change.from ? ctx.loaders.userById.load(change.from) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'the person `to` names, when the field holds a person (assignee)' })
  toUser(@Root() change: FieldChange, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return USER_FIELDS.has(change.field) && change.to ? ctx.loaders.userById.load(change.to) : null;
  }

  @FieldResolver(() => Department, { nullable: true, description: 'the department `from` names, when the field holds one' })
  fromDepartment(@Root() change: FieldChange, @Ctx() ctx: AppContext): MaybePromise<Row<Department> | null> {
    return DEPARTMENT_FIELDS.has(change.field) && change.from ? ctx.loaders.departmentById.load(change.from) : null;
  }

  @FieldResolver(() => Department, { nullable: true, description: 'the department `to` names, when the field holds one' })
  toDepartment(@Root() change: FieldChange, @Ctx() ctx: AppContext): MaybePromise<Row<Department> | null> {
    return DEPARTMENT_FIELDS.has(change.field) && change.to ? ctx.loaders.departmentById.load(change.to) : null;
  }
}
