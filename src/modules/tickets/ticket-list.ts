import { type EntityManager, raw } from '@mikro-orm/postgresql';
import { type KeysetOrders, type Page, type PageRequest, pageByKeyset, type RawRow } from '../../db/keyset';
import { type Row, rowReader } from '../../db/plain-rows';
import { SortDirection } from '../../graphql/sort-direction';
import { Customer } from '../customers/customer.entity';
import { escapeLike } from '../customers/customer.service';
import { User } from '../org/user.entity';
import { Ticket } from './ticket.entity';
import { type TicketFilter, type TicketOrder, TicketOrderField } from './ticket.inputs';
import { openStatuses } from './ticket-status';

const orders: KeysetOrders<Row<Ticket>, TicketOrderField> = {
  [TicketOrderField.CREATED_AT]: { property: 't.createdAt', column: 't.created_at', value: (t) => t.createdAt, isDate: true },
  [TicketOrderField.UPDATED_AT]: { property: 't.updatedAt', column: 't.updated_at', value: (t) => t.updatedAt, isDate: true },
  [TicketOrderField.RESOLUTION_DUE_AT]: {
    property: 't.resolutionDueAt',
    column: 't.resolution_due_at',
    value: (t) => t.resolutionDueAt,
    isDate: true,
  },
  [TicketOrderField.NUMBER]: { property: 't.number', column: 't.number', value: (t) => t.number },
};

/** A page of tickets, with the customers and staff its query joined in. */
export interface TicketPage extends Page<Row<Ticket>> {
  customers: Row<Customer>[];
  users: Row<User>[];
}

/**
 * One page of tickets. The customer, its account manager and the assignee come in the same
 * statement (every ticket list shows them), as JSON, handed back for the loaders to keep.
 */
export async function listTickets(
  em: EntityManager,
  now: Date,
  page: PageRequest,
  filter: TicketFilter = { includeArchived: false },
  order?: TicketOrder,
): Promise<TicketPage> {
  const build = (forPage: boolean) => {
    const qb = em.createQueryBuilder(Ticket, 't');
    if (forPage)
      qb.select([
        't.*',
        raw('to_jsonb(cu) as joined_customer'),
        raw('to_jsonb(am) as joined_manager'),
        raw('to_jsonb(asg) as joined_assignee'),
      ])
        .leftJoin('t.customer', 'cu')
        .leftJoin('cu.accountManager', 'am')
        .leftJoin('t.assignee', 'asg');
    else if (filter.serviceLevels?.length) qb.leftJoin('t.customer', 'cu');
    if (!filter.includeArchived) qb.andWhere({ archivedAt: null });
    if (filter.kinds?.length) qb.andWhere({ kind: { $in: filter.kinds } });
    if (filter.statuses?.length) qb.andWhere({ status: { $in: filter.statuses } });
    if (filter.customerId) qb.andWhere({ customer: filter.customerId });
    if (filter.serviceLevels?.length) qb.andWhere({ 'cu.serviceLevel': { $in: filter.serviceLevels } });
    if (filter.departmentId) qb.andWhere({ ownerDepartment: filter.departmentId });
    if (filter.assigneeId) qb.andWhere({ assignee: filter.assigneeId });
    if (filter.overdue === true) qb.andWhere({ status: { $in: openStatuses }, resolutionDueAt: { $lt: now } });
    if (filter.overdue === false) qb.andWhere({ $or: [{ status: { $nin: openStatuses } }, { resolutionDueAt: { $gte: now } }] });
    if (filter.createdIn?.from) qb.andWhere({ createdAt: { $gte: filter.createdIn.from } });
    if (filter.createdIn?.to) qb.andWhere({ createdAt: { $lt: filter.createdIn.to } });
    if (filter.search) {
      const like = `%${escapeLike(filter.search)}%`;
      qb.andWhere({ $or: [{ number: { $ilike: like } }, { title: { $ilike: like } }, { description: { $ilike: like } }] });
    }
    return qb;
  };
  const customers = new Map<string, Row<Customer>>();
  const users = new Map<string, Row<User>>();
  const keepJoined = (rows: RawRow[]) => {
    const customerReader = rowReader(em, Customer);
    const userReader = rowReader(em, User);
    for (const row of rows) {
      const customer = row.joined_customer as RawRow | null;
      if (customer && !customers.has(customer.id as string)) customers.set(customer.id as string, customerReader.read(customer));
      for (const user of [row.joined_manager, row.joined_assignee] as (RawRow | null)[])
        if (user && !users.has(user.id as string)) users.set(user.id as string, userReader.read(user));
    }
  };
  const found = await pageByKeyset(
    build,
    rowReader(em, Ticket),
    't',
    orders,
    page,
    { field: order?.field ?? TicketOrderField.CREATED_AT, direction: order?.direction ?? SortDirection.DESC },
    keepJoined,
  );
  return { ...found, customers: [...customers.values()], users: [...users.values()] };
}
