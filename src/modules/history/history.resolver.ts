import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { User } from '../org/user.entity';
import { HistoryEvent } from './history-event.entity';

@Resolver(() => HistoryEvent)
export class HistoryEventResolver {
  @FieldResolver(() => User, { nullable: true, description: 'who made the change (null for the system)' })
  actor(@Root() event: Row<HistoryEvent>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return event.actor ? ctx.loaders.userById.load(event.actor.id) : null;
  }
}
