import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findById } from '../../db/find-by-id';
import { type KeysetOrders, type Page, type PageRequest, pageByKeyset } from '../../db/keyset';
import { loadForChange } from '../../db/load-for-change';
import { type Row, rowReader } from '../../db/plain-rows';
import { inTransaction } from '../../db/unit-of-work';
import { SortDirection } from '../../graphql/sort-direction';
import type { Clock } from '../../shared/clock';
import { badInput, DomainError, ErrorCode } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import { checkId, checkText, TEXT_LIMITS } from '../../shared/input-checks';
import { listCustomerScope, mayAccessCustomer, type ServiceContext } from '../../shared/service-context';
import { HistoryAction, SubjectType } from '../history/history.enums';
import { actingUser, applyChanges, archiveWithHistory, recordHistory } from '../history/history.service';
import { runOnce } from '../idempotency/run-once';
import { requireUser } from '../org/org.service';
import { Customer } from './customer.entity';
import {
  type CreateCustomerInput,
  type CustomerFilter,
  type CustomerOrder,
  CustomerOrderField,
  type UpdateCustomerInput,
} from './customer.inputs';

const orders: KeysetOrders<Row<Customer>, CustomerOrderField> = {
  [CustomerOrderField.CREATED_AT]: { property: 'c.createdAt', column: 'c.created_at', value: (c) => c.createdAt, isDate: true },
  [CustomerOrderField.NAME]: { property: 'c.name', column: 'c.name', value: (c) => c.name },
  [CustomerOrderField.CODE]: { property: 'c.code', column: 'c.code', value: (c) => c.code },
};

/** Enterprise customers: listed, created, changed and archived, each change in the history. */
export class CustomerService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {}

  async find(ctx: ServiceContext, id: string): Promise<Customer | null> {
    checkId('id', id);
    const customer = await findById(ctx.em, Customer, id);
    return customer && mayAccessCustomer(ctx.actor, customer.id) ? customer : null;
  }

  /** By its code (JT-SZ-0001), as frontends and integrators know it; a customer token finds only its own. */
  async findByCode(ctx: ServiceContext, code: string): Promise<Customer | null> {
    checkText('code', code, TEXT_LIMITS.code);
    const customer = await ctx.em.findOne(Customer, { code });
    return customer && mayAccessCustomer(ctx.actor, customer.id) ? customer : null;
  }

  async list(ctx: ServiceContext, page: PageRequest, given?: CustomerFilter | null, order?: CustomerOrder): Promise<Page<Row<Customer>>> {
    const filter = given ?? { includeArchived: false };
    const build = () => {
      const qb = ctx.em.createQueryBuilder(Customer, 'c');
      if (!filter.includeArchived) qb.andWhere({ archivedAt: null });
      if (ctx.actor.kind === 'customer') qb.andWhere({ id: listCustomerScope(ctx.actor, null) });
      if (filter.search) {
        const like = `%${escapeLike(filter.search)}%`;
        qb.andWhere({ $or: [{ code: { $ilike: like } }, { name: { $ilike: like } }] });
      }
      if (filter.serviceLevels?.length) qb.andWhere({ serviceLevel: { $in: filter.serviceLevels } });
      if (filter.industry) qb.andWhere({ industry: filter.industry });
      if (filter.accountManagerId) qb.andWhere({ accountManager: filter.accountManagerId });
      return qb;
    };
    return pageByKeyset(build, rowReader(ctx.em, Customer), 'c', orders, page, {
      field: order?.field ?? CustomerOrderField.NAME,
      direction: order?.direction ?? SortDirection.ASC,
    });
  }

  create(ctx: ServiceContext, input: CreateCustomerInput): Promise<Customer> {
    return inTransaction(ctx.em, this.bus, ({ em }) =>
      runOnce(em, {
        operation: 'createCustomer',
        key: input.idempotencyKey,
        payload: input,
        actor: ctx.actor,
        now: this.clock.now(),
        load: (id) => findById(em, Customer, id),
        create: async () => {
          const actor = await actingUser(em, ctx.actor);
          if (await em.count(Customer, { code: input.code })) {
            throw new DomainError(ErrorCode.CONFLICT, `Customer code ${input.code} is taken`, { field: 'code' });
          }
          const now = this.clock.now();
          const customer = em.create(Customer, {
            code: input.code,
            name: input.name,
            industry: input.industry,
            serviceLevel: input.serviceLevel,
            crossRegion: input.crossRegion,
            accountManager: await requireUser(em, input.accountManagerId, 'accountManagerId'),
            networkServiceManager: input.networkServiceManagerId
              ? await requireUser(em, input.networkServiceManagerId, 'networkServiceManagerId')
              : undefined,
            createdAt: now,
            updatedAt: now,
          });
          recordHistory(em, actor, { subjectType: SubjectType.CUSTOMER, subjectId: customer.id, action: HistoryAction.CREATED, at: now });
          await em.flush();
          return customer;
        },
      }),
    );
  }

  update(ctx: ServiceContext, input: UpdateCustomerInput): Promise<Customer> {
    return inTransaction(ctx.em, this.bus, async ({ em }) => {
      const actor = await actingUser(em, ctx.actor);
      const customer = await loadForChange(em, Customer, input.id, input.version);
      const changes = applyChanges(customer, {
        name: input.name,
        industry: input.industry,
        serviceLevel: input.serviceLevel,
        crossRegion: input.crossRegion,
      });
      if (input.accountManagerId && input.accountManagerId !== customer.accountManager.id) {
        changes.push({ field: 'accountManager', from: customer.accountManager.id, to: input.accountManagerId });
        customer.accountManager = ref(await requireUser(em, input.accountManagerId, 'accountManagerId'));
      }
      if (input.networkServiceManagerId && input.networkServiceManagerId !== customer.networkServiceManager?.id) {
        changes.push({
          field: 'networkServiceManager',
          from: customer.networkServiceManager?.id ?? null,
          to: input.networkServiceManagerId,
        });
        customer.networkServiceManager = ref(await requireUser(em, input.networkServiceManagerId, 'networkServiceManagerId'));
      }
      if (changes.length === 0) return customer;
      customer.updatedAt = this.clock.now();
      recordHistory(em, actor, {
        subjectType: SubjectType.CUSTOMER,
        subjectId: customer.id,
        action: HistoryAction.UPDATED,
        at: customer.updatedAt,
        changes,
      });
      await em.flush();
      return customer;
    });
  }

  archive(ctx: ServiceContext, id: string, version: number, reason: string): Promise<Customer> {
    return inTransaction(ctx.em, this.bus, async ({ em }) => {
      checkId('id', id);
      checkText('reason', reason, TEXT_LIMITS.text);
      const actor = await actingUser(em, ctx.actor);
      const customer = await loadForChange(em, Customer, id, version);
      archiveWithHistory(em, actor, customer, SubjectType.CUSTOMER, this.clock.now(), reason);
      await em.flush();
      return customer;
    });
  }
}

/** Escapes LIKE wildcards so a user's search text matches literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function requireCustomer(em: EntityManager, id: string, field: string): Promise<Customer> {
  const customer = await findById(em, Customer, id);
  if (!customer) throw badInput(field, `No customer with id ${id}`);
  if (customer.archivedAt) throw badInput(field, `Customer ${customer.code} is archived`);
  return customer;
}
