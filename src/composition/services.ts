import type { EntityManager } from '@mikro-orm/postgresql';
import { AttachmentService } from '../modules/attachments/attachment.service';
import { ATTACHMENTS_FIELD_TYPE, attachmentsFieldCompletion } from '../modules/attachments/attachment-form-field';
import { CalendarService, type WorkingHours } from '../modules/calendar/calendar.service';
import { CircuitService } from '../modules/circuits/circuit.service';
import { ContactService } from '../modules/customers/contact.service';
import { CustomerService } from '../modules/customers/customer.service';
import { ImportService } from '../modules/imports/import.service';
import { MeasuresService } from '../modules/measures/measures.service';
import { QuarterlyReportService } from '../modules/measures/quarterly-report.service';
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
import { DispatchLevel, ProvisioningPurpose } from '../procedures/circuit-provisioning/provisioning.enums';
import { ProvisioningService } from '../procedures/circuit-provisioning/provisioning.service';
import { CIRCUITS_TO_ACTIVATE_SQL, COMPLETED_ORDERS_SQL } from '../procedures/circuit-provisioning/provisioning-measure';
import { CutoverService } from '../procedures/cutover-notice/cutover.service';
import { AlarmService } from '../procedures/fault-handling/alarm.service';
import { HandoverAcceptanceService } from '../procedures/handover-acceptance/handover-acceptance.service';
import { PresalesService } from '../procedures/presales-support/presales.service';
import { procedureLayer } from '../procedures/procedure-layer';
import { ResourceCheckService } from '../procedures/resource-check/resource-check.service';
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
  const circuits = new CircuitService(deps.clock, deps.bus);
  const presales = new PresalesService(deps.clock, tickets, circuits);
  const provisioning = new ProvisioningService(deps.clock, deps.bus, calendar, tickets, sla);
  // A won presales contract opens a local-access order per circuit (the branch's part of 调单).
  presales.openDelivery = (ctx, order) =>
    provisioning.openOrder(ctx, { ...order, purpose: ProvisioningPurpose.OPEN, level: DispatchLevel.BRANCH });
  const cutovers = new CutoverService(deps.clock, deps.bus, calendar, tickets, sla);
  const procedures = centerProcedures(deps.clock, { serviceRequests, tickets, presales, provisioning, cutovers });
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
  cutovers.attachRunner(processes.runner);
  processes.tasks.formCheck = layer.formCheck;
  const attachments = new AttachmentService(deps.clock, deps.bus);
  processes.tasks.fieldCompletions.set(ATTACHMENTS_FIELD_TYPE, attachmentsFieldCompletion(attachments));
  tickets.attachProcedures(layer.ticketProcedures);
  calendar.onScheduleChanged = (em, year) => tickets.recomputeProvisional(em, year);
  // The measures count provisioning as provisioningTimeliness does: with the procedure's own definition.
  const measures = new MeasuresService(deps.clock, calendar, {
    circuitsToActivate: CIRCUITS_TO_ACTIVATE_SQL,
    completedOrders: COMPLETED_ORDERS_SQL,
  });
  return {
    calendar,
    org: new OrgService(),
    customers: new CustomerService(deps.clock, deps.bus),
    contacts: new ContactService(deps.clock, deps.bus),
    circuits,
    slaPolicy,
    sla,
    tickets,
    ticketOwnership,
    serviceRequests,
    provisioning,
    cutovers,
    alarms: new AlarmService(deps.clock, deps.bus, tickets),
    resourceChecks: new ResourceCheckService(deps.clock, deps.bus, tickets),
    handoverAcceptance: new HandoverAcceptanceService(tickets),
    processes,
    presales,
    attachments,
    measures,
    quarterlyReports: new QuarterlyReportService(deps.clock, deps.bus, calendar, measures),
    imports: new ImportService(deps.clock, deps.bus, calendar),
  };
}

export type Services = ReturnType<typeof createServices>;

declare module '../graphql/context' {
  /** The services every resolver reaches through its context. */
  interface HubServices extends Services {}
}
