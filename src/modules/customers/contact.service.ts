import { findById } from '../../db/find-by-id';
import { loadForChange } from '../../db/load-for-change';
import { inTransaction } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import type { EventBus } from '../../shared/event-bus';
import type { ServiceContext } from '../../shared/service-context';
import { HistoryAction, SubjectType } from '../history/history.enums';
import { actingUser, applyChanges, recordHistory } from '../history/history.service';
import { runOnce } from '../idempotency/run-once';
import { Contact } from './contact.entity';
import type { AddContactInput, UpdateContactInput } from './customer.inputs';
import { requireCustomer } from './customer.service';

/** The people at a customer the center calls; each change goes to the contact's history. */
export class ContactService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {}

  add(ctx: ServiceContext, input: AddContactInput): Promise<Contact> {
    return inTransaction(ctx.em, this.bus, ({ em }) =>
      runOnce(em, {
        operation: 'addContact',
        key: input.idempotencyKey,
        payload: input,
        actor: ctx.actor,
        now: this.clock.now(),
        load: (id) => findById(em, Contact, id),
        create: async () => {
          const actor = await actingUser(em, ctx.actor);
          const customer = await requireCustomer(em, input.customerId, 'customerId');
          const now = this.clock.now();
          const { customerId: _, idempotencyKey: __, ...fields } = input;
          const contact = em.create(Contact, { ...fields, customer, createdAt: now, updatedAt: now });
          recordHistory(em, actor, { subjectType: SubjectType.CONTACT, subjectId: contact.id, action: HistoryAction.CREATED, at: now });
          await em.flush();
          return contact;
        },
      }),
    );
  }

  update(ctx: ServiceContext, input: UpdateContactInput): Promise<Contact> {
    return inTransaction(ctx.em, this.bus, async ({ em }) => {
      const actor = await actingUser(em, ctx.actor);
      const contact = await loadForChange(em, Contact, input.id, input.version);
      const { id: _, version: __, ...patch } = input;
      const changes = applyChanges(contact, patch);
      if (changes.length === 0) return contact;
      contact.updatedAt = this.clock.now();
      recordHistory(em, actor, {
        subjectType: SubjectType.CONTACT,
        subjectId: contact.id,
        action: HistoryAction.UPDATED,
        at: contact.updatedAt,
        changes,
      });
      await em.flush();
      return contact;
    });
  }
}
