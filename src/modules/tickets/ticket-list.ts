import type { EntityManager } from '@mikro-orm/postgresql';
import { type KeysetOrders, type Page, type PageRequest, pageByKeyset } from '../../db/keyset';
import { SortDirection } from '../../graphql/sort-direction';
import { escapeLike } from '../customers/customer.service';
import { Ticket } from './ticket.entity';
import { type TicketFilter, type TicketOrder, TicketOrderField } from './ticket.inputs';
import { openStatuses } from './ticket-status';

const orders: KeysetOrders<Ticket, TicketOrderField> = {
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

/** One page of tickets, with what every ticket list shows joined in (so loaders find it in memory). */
export function listTickets(
  em: EntityManager,
  now: Date,
  page: PageRequest,
  filter: TicketFilter = { includeArchived: false },
  order?: TicketOrder,
): Promise<Page<Ticket>> {
  const build = (withCustomer: boolean) => {
    const qb = em.createQueryBuilder(Ticket, 't');
    // The customer, its account manager and the assignee come in the same statement: every list shows them.
    if (withCustomer)
      qb.leftJoinAndSelect('t.customer', 'cu').leftJoinAndSelect('cu.accountManager', 'am').leftJoinAndSelect('t.assignee', 'asg');
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
  return pageByKeyset(build, 't', orders, page, {
    field: order?.field ?? TicketOrderField.CREATED_AT,
    direction: order?.direction ?? SortDirection.DESC,
  });
}
