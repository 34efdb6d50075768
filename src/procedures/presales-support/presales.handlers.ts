import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import { Ticket } from '../../modules/tickets/ticket.entity';
import type { PresalesService } from './presales.service';
import { PresalesOutcome } from './presales.types';

/** Which end the request reached, read from the decisions its diagram took (the last one first). */
function outcomeOf(variables: Record<string, unknown>): PresalesOutcome {
  if (variables.customerOutcome === 'LOST') return PresalesOutcome.LOST;
  if (variables.build === false) return PresalesOutcome.NOT_BUILT;
  if (variables.develop === false) return PresalesOutcome.NOT_DEVELOPED;
  throw new Error('recordPresalesOutcome runs only where a request ended without a contract');
}

/** The request ended without a contract: how, recorded beside the ticket. */
export const recordPresalesOutcome =
  (presales: PresalesService): ServiceHandler =>
  async (call) => {
    const outcome = outcomeOf(call.variables);
    if (call.ticketId) await presales.recordOutcome(call.em, call.ticketId, outcome);
    return { presalesOutcome: outcome };
  };

/** The contract is signed: its circuits are reserved and each gets a provisioning order. */
export const startPresalesDelivery =
  (presales: PresalesService): ServiceHandler =>
  async (call) => {
    if (!call.ticketId) throw new Error('a presales delivery starts from its ticket');
    const ticket = await call.em.findOneOrFail(Ticket, call.ticketId);
    const contractNumber = String(call.variables.contractNumber ?? '').trim();
    // The form's date, as the day it names (YYYY-MM-DD): the order counts its steps back from it.
    const due = typeof call.variables.deliveryDueAt === 'string' ? call.variables.deliveryDueAt.slice(0, 10) : null;
    const orders = await presales.startDelivery(call.em, ticket, contractNumber, due);
    return { presalesOutcome: 'WON', deliveryOrders: orders.length };
  };
