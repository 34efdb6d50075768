import type { ServiceRegistry } from '../modules/processes/engine/service-registry';
import { TicketKind } from '../modules/tickets/ticket.enums';
import { faultHandling } from '../procedures/fault-handling/fault-handling.procedure';
import type { Procedure } from '../procedures/procedure';
import type { Clock } from '../shared/clock';

/** The center's procedures the hub runs. A new procedure is one folder in src/procedures/, its diagram, and a line here. */
export const centerProcedures = (clock: Clock): Procedure[] => [faultHandling(clock)];

/** Offers every procedure's handlers to diagrams (a test's own registry keeps the handlers it set). */
export function registerProcedureHandlers(registry: ServiceRegistry, procedures: readonly Procedure[]): void {
  for (const procedure of procedures) {
    for (const [name, handler] of Object.entries(procedure.handlers ?? {})) if (!registry.get(name)) registry.register(name, handler);
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
