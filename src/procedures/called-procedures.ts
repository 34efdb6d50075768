import type { CallHooks } from '../modules/processes/call-activities';
import type { ProcessRunnerService } from '../modules/processes/process-runner.service';
import { Ticket } from '../modules/tickets/ticket.entity';
import { TicketStatus } from '../modules/tickets/ticket.enums';
import type { TicketService } from '../modules/tickets/ticket.service';
import { systemActor } from '../shared/service-context';
import type { Procedure } from './procedure';

/**
 * Call activities between the center's procedures. A procedure that says how it opens its ticket
 * when called (`whenCalled`: a presales request's resource check) opens a child ticket linked to
 * the caller's, and its procedure starts on it, answering the call when it completes. Anything
 * else called runs as a plain instance (the runner's default).
 */
export function calledProcedures(byKey: ReadonlyMap<string, Procedure>, runner: ProcessRunnerService, tickets: TicketService): CallHooks {
  const plain = runner.plainCalls();
  return {
    async start(em, events, call) {
      const procedure = byKey.get(call.wait.calledElement);
      const parentTicketId = call.parent.ticketId;
      if (!procedure?.whenCalled || !parentTicketId) return plain.start(em, events, call);
      const ticket = await em.findOneOrFail(Ticket, parentTicketId);
      const { input, facts } = procedure.whenCalled({ ticket, variables: call.parent.variables });
      // A child ticket is the caller's customer's: whoever may read one may read the other.
      if (input.customerId !== ticket.customer.id) throw new Error(`${procedure.key} opened its called ticket for another customer`);
      const calledBy = {
        instanceId: call.parent.id,
        executionId: call.wait.executionId,
        elementId: call.wait.elementId,
        key: procedure.key,
      };
      // The hub opens it, in the caller's step: the ticket's history names its parent.
      await tickets.open({ em, actor: systemActor }, input, { facts, parentTicketId, calledBy });
    },
    // A procedure answers only what it says it answers: its ticketId must not become the caller's.
    answer: (child) => {
      const procedure = byKey.get(child.processKey);
      if (procedure?.answer) return procedure.answer(child.variables);
      return child.ticketId ? {} : plain.answer(child);
    },
    async cancelled(em, events, child, reason) {
      if (child.ticketId) await tickets.followProcedure({ em, events }, child.ticketId, TicketStatus.cancelled, null, reason);
    },
  };
}
