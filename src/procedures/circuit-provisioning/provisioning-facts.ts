import type { TicketOpening } from '../../modules/tickets/ticket-procedures';
import { badInput } from '../../shared/domain-error';
import { DispatchLevel, ProvisioningPurpose } from './provisioning.enums';

/** What a dispatch order or closure carries beside its ticket (TicketOpening.facts.provisioning). */
export interface OrderFacts {
  purpose: ProvisioningPurpose;
  level: DispatchLevel;
  /** YYYY-MM-DD, China time; null: the SLA policy's deadline */
  dueDate: string | null;
  contractNumber: string | null;
  projectName: string | null;
  /** a closure's reason */
  reason: string | null;
}

export const FACTS_KEY = 'provisioning';

/** The facts as a ticket opening carries them. */
export const orderOpening = (facts: OrderFacts, parentTicketId?: string): TicketOpening => ({
  facts: { [FACTS_KEY]: facts },
  ...(parentTicketId ? { parentTicketId } : {}),
});

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The order's facts, or a refusal naming the mutation that brings them: a CIRCUIT_DISPATCH ticket
 * opened with openTicket has no circuits' levels or deadline to run on.
 */
export function readOrderFacts(facts: TicketOpening['facts']): OrderFacts {
  const given = facts?.[FACTS_KEY];
  if (!given || typeof given !== 'object') {
    throw badInput(
      'kind',
      'A CIRCUIT_DISPATCH ticket is a dispatch order: open it with dispatchCircuits(input: { customerId, circuitIds, level, dueDate }), or closeCircuitService to close a service',
    );
  }
  const order = given as Record<string, unknown>;
  const purpose = Object.values(ProvisioningPurpose).find((p) => p === order.purpose);
  const level = Object.values(DispatchLevel).find((l) => l === order.level);
  if (!purpose) throw badInput('purpose', 'An order provisions (OPEN) or closes (CLOSE) its circuits');
  if (!level) throw badInput('level', `An order comes from ${Object.values(DispatchLevel).join(', ')}`);
  const dueDate = text(order.dueDate);
  if (dueDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) throw badInput('dueDate', 'dueDate is a day, YYYY-MM-DD');
  const reason = text(order.reason);
  if (purpose === ProvisioningPurpose.CLOSE && !reason) throw badInput('reason', 'Say why the service is closed');
  const contractNumber = text(order.contractNumber);
  if (purpose === ProvisioningPurpose.CLOSE && contractNumber) {
    throw badInput('contractNumber', "A closure is no part of a contract's project");
  }
  return { purpose, level, dueDate, contractNumber, projectName: text(order.projectName), reason };
}
