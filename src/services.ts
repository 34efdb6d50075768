import type { EntityManager } from '@mikro-orm/postgresql';
import { CalendarService, type WorkingHours } from './modules/calendar/calendar.service';
import { CircuitService } from './modules/circuits/circuit.service';
import { ContactService } from './modules/customers/contact.service';
import { CustomerService } from './modules/customers/customer.service';
import { OrgService } from './modules/org/org.service';
import type { ServiceRegistry } from './modules/processes/engine/service-registry';
import type { ProcessLimits } from './modules/processes/process-limits';
import { createProcessModule } from './modules/processes/processes.module';
import { SlaPolicyService } from './modules/tickets/sla-policy.service';
import { TicketService } from './modules/tickets/ticket.service';
import type { Clock } from './shared/clock';
import type { EventBus } from './shared/event-bus';

export interface ServiceDeps {
  em: EntityManager;
  clock: Clock;
  bus: EventBus;
  workingHours: WorkingHours;
  processLimits: ProcessLimits;
  retryDelaysMs: readonly number[];
  registry?: ServiceRegistry;
}

/** The hub's services, built once at boot; each method takes the request's ServiceContext. */
export function createServices(deps: ServiceDeps) {
  const slaPolicy = new SlaPolicyService(deps.clock);
  const calendar = new CalendarService(deps.clock, deps.workingHours);
  return {
    calendar,
    org: new OrgService(),
    customers: new CustomerService(deps.clock, deps.bus),
    contacts: new ContactService(deps.clock, deps.bus),
    circuits: new CircuitService(deps.clock, deps.bus),
    slaPolicy,
    tickets: new TicketService(deps.clock, deps.bus, calendar, slaPolicy),
    processes: createProcessModule(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
