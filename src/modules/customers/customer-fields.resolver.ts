import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { historyLimit } from '../../graphql/history-limit';
import { capList, LIST_CAPS, MaxItems } from '../../graphql/list-cap';
import { READ_CONTACTS } from '../auth/access';
import { Circuit } from '../circuits/circuit.entity';
import { SubjectType } from '../history/history.enums';
import { HistoryEvent } from '../history/history-event.entity';
import { User } from '../org/user.entity';
import { Contact } from './contact.entity';
import { Customer } from './customer.entity';

/** Relations of a customer, each through a per-request loader (no N+1). */
@Resolver(() => Customer)
export class CustomerFieldsResolver {
  @FieldResolver(() => User)
  accountManager(@Root() customer: Row<Customer>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return ctx.loaders.userById.load(customer.accountManager.id);
  }

  @FieldResolver(() => User, { nullable: true })
  networkServiceManager(@Root() customer: Row<Customer>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return customer.networkServiceManager ? ctx.loaders.userById.load(customer.networkServiceManager.id) : null;
  }

  @Authorized(...READ_CONTACTS)
  @MaxItems(LIST_CAPS.contacts)
  @FieldResolver(() => [Contact], { description: `confidential: the roles that talk to customers only (at most ${LIST_CAPS.contacts})` })
  contacts(@Root() customer: Row<Customer>, @Ctx() ctx: AppContext): Promise<Row<Contact>[]> {
    return capList(ctx.loaders.contactsByCustomer.load(customer.id), LIST_CAPS.contacts);
  }

  @MaxItems(LIST_CAPS.customerCircuits)
  @FieldResolver(() => [Circuit], {
    description: `the customer's circuits that are not archived, the first ${LIST_CAPS.customerCircuits} (all of them: circuits(filter: { customerId }))`,
  })
  circuits(@Root() customer: Row<Customer>, @Ctx() ctx: AppContext): Promise<Row<Circuit>[]> {
    return capList(ctx.loaders.circuitsByCustomer.load(customer.id), LIST_CAPS.customerCircuits);
  }

  @MaxItems(LIST_CAPS.history)
  @FieldResolver(() => [HistoryEvent], { description: `changes, newest first (the newest ${LIST_CAPS.history} without last)` })
  history(
    @Root() customer: Row<Customer>,
    @Ctx() ctx: AppContext,
    @Arg('last', () => Int, { nullable: true }) last?: number,
  ): Promise<Row<HistoryEvent>[]> {
    return ctx.loaders.history.load({ subjectType: SubjectType.CUSTOMER, subjectId: customer.id, limit: historyLimit(last) });
  }
}

@Resolver(() => Contact)
export class ContactFieldsResolver {
  @FieldResolver(() => Customer)
  customer(@Root() contact: Row<Contact>, @Ctx() ctx: AppContext): MaybePromise<Row<Customer> | null> {
    return ctx.loaders.customerById.load(contact.customer.id);
  }
}
