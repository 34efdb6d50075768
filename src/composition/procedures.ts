import type { ServiceRegistry } from '../modules/processes/engine/service-registry';
import { TicketKind } from '../modules/tickets/ticket.enums';
import type { TicketService } from '../modules/tickets/ticket.service';
import { circuitProvisioning } from '../procedures/circuit-provisioning/circuit-provisioning.procedure';
import type { ProvisioningService } from '../procedures/circuit-provisioning/provisioning.service';
import { complaintHandling } from '../procedures/complaint-handling/complaint-handling.procedure';
import type { CutoverService } from '../procedures/cutover-notice/cutover.service';
import { cutoverProcedures } from '../procedures/cutover-notice/cutover-notice.procedure';
import { emergencyResponse } from '../procedures/emergency-response/emergency-response.procedure';
import { faultHandling } from '../procedures/fault-handling/fault-handling.procedure';
import { handoverAcceptance } from '../procedures/handover-acceptance/handover-acceptance.procedure';
import type { PresalesService } from '../procedures/presales-support/presales.service';
import { presalesSupport } from '../procedures/presales-support/presales-support.procedure';
import type { Procedure } from '../procedures/procedure';
import { resourceCheck } from '../procedures/resource-check/resource-check.procedure';
import { serviceRequest } from '../procedures/service-request/service-request.procedure';
import type { ServiceRequestService } from '../procedures/service-request/service-request.service';
import { slaEscalation } from '../procedures/sla-escalation/sla-escalation.procedure';
import type { Clock } from '../shared/clock';

/** The center's procedures the hub runs. A new procedure is one folder in src/procedures/, its diagram, and a line here. */
export const centerProcedures = (
  clock: Clock,
  services: {
    serviceRequests: ServiceRequestService;
    tickets: TicketService;
    presales: PresalesService;
    provisioning: ProvisioningService;
    cutovers: CutoverService;
  },
): Procedure[] => [
  faultHandling(clock),
  slaEscalation,
  serviceRequest(clock, services.serviceRequests),
  complaintHandling(clock, (uow, ticket, severity, reason) => services.tickets.regrade(uow, ticket, severity, reason)),
  emergencyResponse(clock),
  resourceCheck(clock),
  handoverAcceptance(clock),
  presalesSupport(clock, services.presales),
  circuitProvisioning(clock, services.provisioning),
  ...cutoverProcedures(services.cutovers),
];

/**
 * Offers every procedure's handlers to diagrams (a test's own registry keeps the handlers it set).
 * Handler names are one namespace for all diagrams: two procedures offering different handlers
 * under one name stop the hub at boot, rather than one silently running the other's.
 */
export function registerProcedureHandlers(registry: ServiceRegistry, procedures: readonly Procedure[]): void {
  const offeredBy = new Map<string, { key: string; handler: unknown }>();
  for (const procedure of procedures) {
    for (const [name, handler] of Object.entries(procedure.handlers ?? {})) {
      const earlier = offeredBy.get(name);
      if (earlier && earlier.handler !== handler) {
        throw new Error(`Procedures ${earlier.key} and ${procedure.key} both offer a service handler named "${name}"; rename one`);
      }
      offeredBy.set(name, { key: procedure.key, handler });
      if (!registry.get(name)) registry.register(name, handler);
    }
  }
}

/**
 * Which ticket kind starts which procedure: `TICKET_PROCEDURES` as `KIND=key,KIND=key`, or the
 * procedures' own defaults when it is not set; `none` starts none. Unknown kinds or keys stop the
 * hub at boot.
 */
export function procedureStarts(setting: string | undefined, procedures: readonly Procedure[]): Map<TicketKind, string> {
  const starts = new Map<TicketKind, string>();
  if (setting === undefined) {
    for (const procedure of procedures) for (const kind of procedure.ticketKinds) starts.set(kind, procedure.key);
    return starts;
  }
  if (setting.trim().toLowerCase() === 'none') return starts;
  for (const pair of setting
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [kind, key] = pair.split('=').map((p) => p.trim());
    if (!Object.values(TicketKind).includes(kind as TicketKind)) throw new Error(`Setting TICKET_PROCEDURES: ${kind} is no ticket kind`);
    if (!procedures.some((p) => p.key === key)) throw new Error(`Setting TICKET_PROCEDURES: ${key} is no procedure the hub runs`);
    starts.set(kind as TicketKind, key);
  }
  return starts;
}
