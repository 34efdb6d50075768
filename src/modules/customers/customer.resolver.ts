import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import { connectionType, toConnection } from '../../graphql/connection';
import type { AppContext } from '../../graphql/context';
import { lookupKey } from '../../graphql/lookup-key';
import { PageArgs } from '../../graphql/page-args';
import { EDIT_CUSTOMERS, READ_CENTER_DATA } from '../auth/access';
import { Contact } from './contact.entity';
import { Customer } from './customer.entity';
import {
  AddContactInput,
  CreateCustomerInput,
  CustomerFilter,
  CustomerOrder,
  UpdateContactInput,
  UpdateCustomerInput,
} from './customer.inputs';

export const CustomerConnection = connectionType(Customer, 'Customer');

@Resolver(() => Customer)
export class CustomerResolver {
  @Authorized(...READ_CENTER_DATA)
  @Query(() => CustomerConnection)
  async customers(
    @Args() page: PageArgs,
    @Ctx() ctx: AppContext,
    @Arg('filter', () => CustomerFilter, { nullable: true }) filter?: CustomerFilter,
    @Arg('orderBy', () => CustomerOrder, { nullable: true }) orderBy?: CustomerOrder,
  ) {
    return toConnection(CustomerConnection, await ctx.services.customers.list(ctx, page, filter, orderBy));
  }

  @Authorized(...READ_CENTER_DATA)
  @Query(() => Customer, { nullable: true })
  customer(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'instead of id: the customer code, e.g. JT-SZ-0001' }) code?: string,
  ): MaybePromise<Row<Customer> | null> {
    const key = lookupKey({ id, code });
    return key.field === 'id' ? ctx.services.customers.find(ctx, key.value) : ctx.services.customers.findByCode(ctx, key.value);
  }

  @Authorized(...EDIT_CUSTOMERS)
  @Mutation(() => Customer)
  createCustomer(@Arg('input') input: CreateCustomerInput, @Ctx() ctx: AppContext): Promise<Customer> {
    return ctx.services.customers.create(ctx, input);
  }

  @Authorized(...EDIT_CUSTOMERS)
  @Mutation(() => Customer)
  updateCustomer(@Arg('input') input: UpdateCustomerInput, @Ctx() ctx: AppContext): Promise<Customer> {
    return ctx.services.customers.update(ctx, input);
  }

  @Authorized(...EDIT_CUSTOMERS)
  @Mutation(() => Customer, { description: 'customers are archived, never deleted' })
  archiveCustomer(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason') reason: string,
    @Ctx() ctx: AppContext,
  ): Promise<Customer> {
    return ctx.services.customers.archive(ctx, id, version, reason);
  }

  @Authorized(...EDIT_CUSTOMERS)
  @Mutation(() => Contact)
  addContact(@Arg('input') input: AddContactInput, @Ctx() ctx: AppContext): Promise<Contact> {
    return ctx.services.contacts.add(ctx, input);
  }

  @Authorized(...EDIT_CUSTOMERS)
  @Mutation(() => Contact)
  updateContact(@Arg('input') input: UpdateContactInput, @Ctx() ctx: AppContext): Promise<Contact> {
    return ctx.services.contacts.update(ctx, input);
  }
}
