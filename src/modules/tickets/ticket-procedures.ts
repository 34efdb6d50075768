import type { UnitOfWork } from '../../db/unit-of-work';
import type { ServiceContext } from '../../shared/service-context';
import type { Ticket } from './ticket.entity';
import type { ReportKind } from './ticket.enums';
import type { OpenTicketInput } from './ticket.inputs';

/** What opening a ticket may carry beside its input. */
export interface TicketOpening {
  /**
   * The facts a procedure's own request carries (a resource check's resources and sites), read by
   * that procedure at intake; opaque to tickets.
   */
  facts?: Readonly<Record<string, unknown>>;
  /** the ticket whose procedure opened this one (a presales request's resource check) */
  parentTicketId?: string;
  /** the call activity that opened it: the procedure started on it answers that call when it completes */
  calledBy?: { instanceId: string; executionId: string; elementId: string; key: string };
}

/**
 * What the ticket service needs of the procedures that work on tickets. The procedure layer
 * (src/procedures/) provides it; the tickets module never talks to the engine itself.
 */
export interface TicketProcedures {
  /**
   * Starts the procedure of the ticket's kind, in the ticket's transaction (nothing when its kind
   * has none), after the procedure took in what intake said (`input`: the facts it grades by).
   */
  startFor(uow: UnitOfWork, ctx: ServiceContext, ticket: Ticket, input: OpenTicketInput, opening: TicketOpening): Promise<void>;
  /** The procedure running on the ticket and the names of its open tasks, or null when none runs. */
  running(uow: UnitOfWork, ticketId: string): Promise<{ instanceId: string; openTasks: string[] } | null>;
  /**
   * A report of `kind` was submitted on the ticket: the running procedure that waits for it moves
   * on, in the report's transaction (nothing when none waits; a procedure checks for an early report itself).
   */
  reportSubmitted(uow: UnitOfWork, ctx: ServiceContext, ticketId: string, kind: ReportKind): Promise<void>;
  /** Cancels the running procedure with the ticket's reason, in the ticket's transaction. */
  cancel(uow: UnitOfWork, instanceId: string, reason: string): Promise<void>;
}
