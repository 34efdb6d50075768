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
import { escapeLike, requireCustomer } from '../customers/customer.service';
import { HistoryAction, SubjectType } from '../history/history.enums';
import { actingUser, applyChanges, archiveWithHistory, recordHistory } from '../history/history.service';
import { runOnce } from '../idempotency/run-once';
import { Circuit } from './circuit.entity';
import { CircuitStatus } from './circuit.enums';
import {
  type CircuitFilter,
  type CircuitOrder,
  CircuitOrderField,
  type CreateCircuitInput,
  type UpdateCircuitInput,
} from './circuit.inputs';

const orders: KeysetOrders<Row<Circuit>, CircuitOrderField> = {
  [CircuitOrderField.CREATED_AT]: { property: 'c.createdAt', column: 'c.created_at', value: (c) => c.createdAt, isDate: true },
  [CircuitOrderField.CODE]: { property: 'c.code', column: 'c.code', value: (c) => c.code },
};

/** Circuits (dedicated lines) of enterprise customers, with their TMF638 service state. */
export class CircuitService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {}

  async find(ctx: ServiceContext, id: string): Promise<Circuit | null> {
    checkId('id', id);
    const circuit = await findById(ctx.em, Circuit, id);
    return circuit && mayAccessCustomer(ctx.actor, circuit.customer.id) ? circuit : null;
  }

  /** By its code (SZ-IDL-…); a customer token finds only its own circuits. */
  async findByCode(ctx: ServiceContext, code: string): Promise<Circuit | null> {
    checkText('code', code, TEXT_LIMITS.code);
    const circuit = await ctx.em.findOne(Circuit, { code });
    return circuit && mayAccessCustomer(ctx.actor, circuit.customer.id) ? circuit : null;
  }

  async list(ctx: ServiceContext, page: PageRequest, given?: CircuitFilter | null, order?: CircuitOrder): Promise<Page<Row<Circuit>>> {
    const filter = given ?? { includeArchived: false };
    const build = () => {
      const qb = ctx.em.createQueryBuilder(Circuit, 'c');
      if (!filter.includeArchived) qb.andWhere({ archivedAt: null });
      if (filter.search) {
        const like = `%${escapeLike(filter.search)}%`;
        qb.andWhere({ $or: [{ code: { $ilike: like } }, { aEnd: { $ilike: like } }, { zEnd: { $ilike: like } }] });
      }
      const customerId = listCustomerScope(ctx.actor, filter.customerId);
      if (customerId) qb.andWhere({ customer: customerId });
      if (filter.statuses?.length) qb.andWhere({ status: { $in: filter.statuses } });
      if (filter.serviceTypes?.length) qb.andWhere({ serviceType: { $in: filter.serviceTypes } });
      return qb;
    };
    return pageByKeyset(build, rowReader(ctx.em, Circuit), 'c', orders, page, {
      field: order?.field ?? CircuitOrderField.CODE,
      direction: order?.direction ?? SortDirection.ASC,
    });
  }

  create(ctx: ServiceContext, input: CreateCircuitInput): Promise<Circuit> {
    return inTransaction(ctx.em, this.bus, ({ em }) =>
      runOnce(em, {
        operation: 'createCircuit',
        key: input.idempotencyKey,
        payload: input,
        actor: ctx.actor,
        now: this.clock.now(),
        load: (id) => findById(em, Circuit, id),
        create: async () => {
          const actor = await actingUser(em, ctx.actor);
          if (await em.count(Circuit, { code: input.code })) {
            throw new DomainError(ErrorCode.CONFLICT, `Circuit code ${input.code} is taken`, { field: 'code' });
          }
          const customer = await requireCustomer(em, input.customerId, 'customerId');
          const now = this.clock.now();
          const { customerId: _, idempotencyKey: __, ...fields } = input;
          const circuit = em.create(Circuit, { ...fields, customer, createdAt: now, updatedAt: now });
          recordHistory(em, actor, { subjectType: SubjectType.CIRCUIT, subjectId: circuit.id, action: HistoryAction.CREATED, at: now });
          await em.flush();
          return circuit;
        },
      }),
    );
  }

  update(ctx: ServiceContext, input: UpdateCircuitInput): Promise<Circuit> {
    return inTransaction(ctx.em, this.bus, async ({ em }) => {
      const actor = await actingUser(em, ctx.actor);
      const circuit = await loadForChange(em, Circuit, input.id, input.version);
      if (circuit.status === CircuitStatus.terminated) {
        throw badInput('status', `Circuit ${circuit.code} is terminated; a terminated circuit cannot change`);
      }
      const { id: _, version: __, ...patch } = input;
      const changes = applyChanges(circuit, patch);
      if (changes.length === 0) return circuit;
      circuit.updatedAt = this.clock.now();
      recordHistory(em, actor, {
        subjectType: SubjectType.CIRCUIT,
        subjectId: circuit.id,
        action: HistoryAction.UPDATED,
        at: circuit.updatedAt,
        changes,
      });
      await em.flush();
      return circuit;
    });
  }

  archive(ctx: ServiceContext, id: string, version: number, reason: string): Promise<Circuit> {
    return inTransaction(ctx.em, this.bus, async ({ em }) => {
      checkId('id', id);
      checkText('reason', reason, TEXT_LIMITS.text);
      const actor = await actingUser(em, ctx.actor);
      const circuit = await loadForChange(em, Circuit, id, version);
      archiveWithHistory(em, actor, circuit, SubjectType.CIRCUIT, this.clock.now(), reason);
      await em.flush();
      return circuit;
    });
  }
}
