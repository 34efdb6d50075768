import { CircuitService } from './modules/circuits/circuit.service';
import { ContactService } from './modules/customers/contact.service';
import { CustomerService } from './modules/customers/customer.service';
import { OrgService } from './modules/org/org.service';
import type { DeadlineCalendar } from './modules/tickets/sla-policy';
import { TicketService } from './modules/tickets/ticket.service';
import type { Clock } from './shared/clock';
import type { EventBus } from './shared/event-bus';

export interface ServiceDeps {
  clock: Clock;
  bus: EventBus;
  calendar: DeadlineCalendar;
}

/** The hub's services, built once at boot; each method takes the request's ServiceContext. */
export function createServices(deps: ServiceDeps) {
  return {
    org: new OrgService(),
    customers: new CustomerService(deps.clock, deps.bus),
    contacts: new ContactService(deps.clock, deps.bus),
    circuits: new CircuitService(deps.clock, deps.bus),
    tickets: new TicketService(deps.clock, deps.bus, deps.calendar),
  };
}

export type Services = ReturnType<typeof createServices>;
