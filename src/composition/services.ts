import type { EntityManager } from '@mikro-orm/postgresql';
import { CalendarService, type WorkingHours } from '../modules/calendar/calendar.service';
import { CircuitService } from '../modules/circuits/circuit.service';
import { ContactService } from '../modules/customers/contact.service';
import { CustomerService } from '../modules/customers/customer.service';
import { OrgService } from '../modules/org/org.service';
import { retimeDeadlineTimers } from '../modules/processes/deadline-timers';
import { ServiceRegistry } from '../modules/processes/engine/service-registry';
import type { StepFollower } from '../modules/processes/instance-stepper';
import type { ProcessLimits } from '../modules/processes/process-limits';
import { createProcessModule } from '../modules/processes/processes.module';
import { SlaClockService } from '../modules/sla/sla-clock.service';
import { SlaPolicyService } from '../modules/tickets/sla-policy.service';
import { TicketService } from '../modules/tickets/ticket.service';
import { TicketOwnershipService } from '../modules/tickets/ticket-ownership.service';
import { AlarmService } from '../procedures/fault-handling/alarm.service';
import { procedureLayer } from '../procedures/procedure-layer';
import { ServiceRequestService } from '../procedures/service-request/service-request.service';
import { escalateBreaches } from '../procedures/sla-escalation/sla-escalation.procedure';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { centerProcedures, procedureStarts, registerProcedureHandlers } from './procedures';
import { timerDeadlines } from './timer-deadlines';

export interface ServiceDeps {
  em: EntityManager;
  clock: Clock;
  bus: EventBus;
  workingHours: WorkingHours;
  processLimits: ProcessLimits;
  retryDelaysMs: readonly number[];
  registry?: ServiceRegistry;
  /** when a clock warns, as a share of its window */
  slaWarningPercent?: number;
  /** `TICKET_PROCEDURES`: which ticket kind starts which procedure (undefined: the procedures' defaults) */
  ticketProcedures?: string;
}

/** The hub's services, built once at boot; each method takes the request's ServiceContext. */
export function createServices(deps: ServiceDeps) {
  const slaPolicy = new SlaPolicyService(deps.clock);
  const calendar = new CalendarService(deps.clock, deps.workingHours, deps.bus);
  const sla = new SlaClockService(deps.clock, deps.bus, calendar, deps.slaWarningPercent);
  const tickets = new TicketService(deps.clock, deps.bus, calendar, slaPolicy, sla);
  const ticketOwnership = new TicketOwnershipService(deps.clock, deps.bus);
  const serviceRequests = new ServiceRequestService(deps.clock, deps.bus, calendar, sla);
  const procedures = centerProcedures(deps.clock, { serviceRequests, tickets });
  const registry = deps.registry ?? new ServiceRegistry();
  registerProcedureHandlers(registry, procedures);
  // The stepper tells the procedure layer of each step; the layer needs the runner built here.
  let follow: StepFollower = async () => undefined;
  const deadlines = timerDeadlines(calendar);
  const processes = createProcessModule({ ...deps, registry, timerDeadlines: deadlines, follower: (em, step) => follow(em, step) });
  sla.onDeadlinesMoved = async (em, ticketId) => {
    await retimeDeadlineTimers(em, deadlines, ticketId, deps.clock.now());
  };
  const layer = procedureLayer({
    procedures,
    startedBy: procedureStarts(deps.ticketProcedures, procedures),
    runner: processes.runner,
    tickets,
    ownership: ticketOwnership,
  });
  follow = layer.follower;
  escalateBreaches(sla, processes.runner);
  processes.tasks.formCheck = layer.formCheck;
  tickets.attachProcedures(layer.ticketProcedures);
  calendar.onScheduleChanged = (em, year) => tickets.recomputeProvisional(em, year);
  return {
    calendar,
    org: new OrgService(),
    customers: new CustomerService(deps.clock, deps.bus),
    contacts: new ContactService(deps.clock, deps.bus),
    circuits: new CircuitService(deps.clock, deps.bus),
    slaPolicy,
    sla,
    tickets,
    ticketOwnership,
    serviceRequests,
    alarms: new AlarmService(deps.clock, deps.bus, tickets),
    processes,
  };
}

export type Services = ReturnType<typeof createServices>;

declare module '../graphql/context' {
  /** The services every resolver reaches through its context. */
  interface HubServices extends Services {}
}
