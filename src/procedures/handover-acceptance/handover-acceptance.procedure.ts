import { TicketKind, TicketStatus } from '../../modules/tickets/ticket.enums';
import type { Clock } from '../../shared/clock';
import type { Procedure } from '../procedure';
import { ticketVariables } from '../shared/ticket-variables';
import { chaseAcceptanceStep } from './chase-step.handler';
import { handoverApplication, handoverApproved, handoverReturned, handoverRound, handoverRoundStart } from './handover.handlers';
import { handoverFormChecks } from './handover-form-checks';
import { handoverIntake } from './handover-intake';

/** The process id of processes/handover-acceptance.bpmn. */
export const HANDOVER_ACCEPTANCE = 'handover-acceptance';

/**
 * 交维验收 (DOMAIN.md procedure 7, 集客交维流程及要求规范V4.4): processes/handover-acceptance.bpmn.
 * Handover-acceptance tickets run it; they are opened by requestHandoverAcceptance, which carries
 * the works, the contractor and the maintaining unit.
 */
export const handoverAcceptance = (clock: Clock): Procedure => {
  const intake = handoverIntake(clock);
  return {
    key: HANDOVER_ACCEPTANCE,
    ticketKinds: [TicketKind.HANDOVER_ACCEPTANCE],
    startVariables: (ticket) => ticketVariables(ticket),
    intake: (uow, _ctx, ticket, _input, facts) => intake(uow, ticket, facts),
    // The work starts once construction takes the application in; the final approval resolves it
    // (the hand-over is its last step) and completing the procedure closes it.
    statusOnEnter: {
      enterRecords: TicketStatus.inProgress,
      handOver: TicketStatus.resolved,
    },
    statusOnComplete: TicketStatus.closed,
    // A named contractor gets its own tasks, not every contractor of its department.
    assignTo: {
      submitApplication: 'contractorUserId',
      reworkTests: 'contractorUserId',
      reworkConstruction: 'contractorUserId',
      reworkApproval: 'contractorUserId',
    },
    formChecks: handoverFormChecks,
    handlers: {
      handoverApplication: handoverApplication(clock),
      handoverRound: handoverRound(clock),
      handoverReturned: handoverReturned(clock),
      handoverRoundStart: handoverRoundStart(clock),
      handoverApproved: handoverApproved(clock),
      chaseAcceptanceStep: chaseAcceptanceStep(clock),
    },
  };
};
