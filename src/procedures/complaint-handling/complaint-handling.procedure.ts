import type { FormCheck } from '../../modules/processes/process-task.service';
import { TicketKind, TicketStatus } from '../../modules/tickets/ticket.enums';
import type { Clock } from '../../shared/clock';
import { badInput } from '../../shared/domain-error';
import { recordCallback } from '../fault-handling/record-callback.handler';
import { remindOwner } from '../fault-handling/remind-owner.handler';
import type { Procedure } from '../procedure';
import { chaseDepartment } from '../shared/chase-department.handler';
import { ticketVariables } from '../shared/ticket-variables';
import { escalateUnresolved, readSeverity, tellRejection } from './complaint.handlers';
import { complaintIntake, type Regrade } from './complaint-intake';

/** An invalid complaint is declined only with a reason: it is what the customer is told. */
const reasonForInvalid: FormCheck = async (_em, _task, variables) => {
  const reason = typeof variables.invalidReason === 'string' ? variables.invalidReason.trim() : '';
  if (variables.valid === false && !reason) {
    throw badInput('invalidReason', 'Say why the complaint is invalid: the reason is told to the customer');
  }
};

/** 投诉处理 (DOMAIN.md procedure 5): processes/complaint-handling.bpmn. Complaints run it. */
export const complaintHandling = (clock: Clock, regrade: Regrade): Procedure => {
  const intake = complaintIntake(clock, regrade);
  return {
    key: 'complaint-handling',
    ticketKinds: [TicketKind.COMPLAINT],
    // Read after intake: the severity is the one graded from the facts.
    startVariables: (ticket) => ({ ...ticketVariables(ticket), severity: ticket.severity }),
    intake: (uow, _ctx, ticket, input) => intake(uow, ticket, input),
    // A valid complaint is worked on from classification; once resolved it waits for the callback.
    // Declined, it ends rejected (allowed only from acknowledged, so validity comes first).
    statusOnEnter: {
      classify: TicketStatus.inProgress,
      callback: TicketStatus.resolved,
      rejected: TicketStatus.rejected,
    },
    // Skipped for a rejected complaint: rejected is final.
    statusOnComplete: TicketStatus.closed,
    // 首问负责制: whoever judges the complaint's validity owns it.
    ownerFrom: ['checkValidity'],
    formChecks: { checkValidity: reasonForInvalid },
    handlers: {
      readSeverity,
      tellRejection: tellRejection(clock),
      escalateUnresolved: escalateUnresolved(regrade),
      // Shared with fault handling; offered here too so this diagram deploys when that one is not run.
      remindOwner: remindOwner(clock),
      chaseDepartment: chaseDepartment(clock),
      recordCallback: recordCallback(clock),
    },
  };
};
