import type { UnitOfWork } from '../db/unit-of-work';
import type { ServiceHandler } from '../modules/processes/engine/service-registry';
import type { FormCheck } from '../modules/processes/process-task.service';
import type { Ticket } from '../modules/tickets/ticket.entity';
import type { ReportKind, TicketKind, TicketStatus } from '../modules/tickets/ticket.enums';
import type { OpenTicketInput } from '../modules/tickets/ticket.inputs';
import type { TicketOpening } from '../modules/tickets/ticket-procedures';
import type { ServiceContext } from '../shared/service-context';

/**
 * What one of the center's procedures adds to the platform. Its diagram is
 * `processes/<key>.bpmn`; this is the code beside it: which tickets start it, with which
 * variables, how the ticket's status follows its activities, and its service-task handlers.
 */
export interface Procedure {
  /** the BPMN process id, and the diagram's file name */
  readonly key: string;
  /** ticket kinds whose opening starts it by default (TICKET_PROCEDURES may say otherwise) */
  readonly ticketKinds: readonly TicketKind[];
  /** the variables it starts with, from the ticket just opened */
  startVariables(ticket: Ticket): Record<string, unknown>;
  /** the ticket's status once the procedure enters an activity (by element id) */
  readonly statusOnEnter: Readonly<Record<string, TicketStatus>>;
  /** activities whose completing person becomes the ticket's owner (首问负责制) */
  readonly ownerFrom?: readonly string[];
  /** the ticket's status when the procedure completes */
  readonly statusOnComplete?: TicketStatus;
  /**
   * User tasks given to a named person as they open, by element id: the instance variable holding
   * that person's user id (a named contractor). The task is still offered to its candidate groups,
   * and the person must be among them; no value leaves it offered to all of them.
   */
  readonly assignTo?: Readonly<Record<string, string>>;
  /**
   * What it takes in at intake, before it starts, in the ticket's transaction: the facts it
   * grades the ticket by (a complaint's severity), a record it keeps beside the ticket. `facts` are
   * what its own request mutation (or `whenCalled`) passed when opening the ticket: the procedure
   * checks them; a ticket of its kind opened without them is refused here when it needs them.
   * What it answers joins its start variables (the facts its diagram decides by).
   */
  intake?(
    uow: UnitOfWork,
    ctx: ServiceContext,
    ticket: Ticket,
    input: OpenTicketInput,
    facts: TicketOpening['facts'],
    // A record answered joins the start variables; anything else (nothing) is ignored.
  ): Promise<unknown>;
  /**
   * Its forms' domain checks, by task element id: what the diagram's form cannot say (an invalid
   * complaint needs a reason). Throw a DomainError (badInput) to refuse the completion; nothing changes.
   */
  readonly formChecks?: Readonly<Record<string, FormCheck>>;
  /**
   * The message its diagram waits for when a report of a kind is submitted on the ticket
   * (`submitReport`): delivered in the report's transaction, when the procedure waits for it.
   */
  readonly reportMessages?: Readonly<Partial<Record<ReportKind, string>>>;
  /**
   * When another procedure's call activity names this one (`calledElement="<key>"`): the ticket it
   * opens for the call, from the caller's ticket and variables. The child ticket is linked to the
   * caller's and this procedure starts on it; without `whenCalled` the called diagram runs as an
   * instance with no ticket of its own.
   */
  whenCalled?(caller: { ticket: Ticket; variables: Readonly<Record<string, unknown>> }): {
    input: OpenTicketInput;
    facts?: TicketOpening['facts'];
  };
  /**
   * What it answers its caller when it completes: the variables the caller's call activity
   * receives. Without it, the caller receives none (a child's ticketId must not overwrite the caller's).
   */
  answer?(variables: Readonly<Record<string, unknown>>): Record<string, unknown>;
  /**
   * What it records as an activity is left, by element id, in the step's transaction, from the
   * instance's variables then: a fact its form asked for that the center is measured on (whether
   * a fault affects service, answered at acknowledge).
   */
  readonly recordOnLeave?: Readonly<Record<string, LeaveRecorder>>;
  /** service-task handlers its diagram names, run in the step's transaction */
  readonly handlers?: Readonly<Record<string, ServiceHandler>>;
  /**
   * Its ticket was cancelled while it ran, in the cancellation's transaction, after its instance
   * was cancelled: what it changed outside its ticket is put back (a cutover's circuits).
   */
  cancelled?(uow: UnitOfWork, ticketId: string, reason: string): Promise<void>;
}

/** Records a fact as an activity is left (Procedure.recordOnLeave). */
export type LeaveRecorder = (uow: UnitOfWork, ticketId: string, variables: Readonly<Record<string, unknown>>) => Promise<void>;
