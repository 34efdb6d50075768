import { CircuitStatus } from '../../modules/circuits/circuit.enums';
import type { FormCheck } from '../../modules/processes/process-task.service';
import { ReportKind, TicketKind, TicketStatus } from '../../modules/tickets/ticket.enums';
import type { Clock } from '../../shared/clock';
import { badInput } from '../../shared/domain-error';
import type { Procedure } from '../procedure';
import { ticketVariables } from '../shared/ticket-variables';
import { moveCircuits } from './circuit-moves.handler';
import {
  completeProvisioningOrder,
  readProvisioningOrder,
  recordProjectArchived,
  stepNotice,
  testReportOnFile,
} from './provisioning.handlers';
import type { ProvisioningService } from './provisioning.service';
import { TEST_REPORT_SUBMITTED } from './provisioning-steps';

/** A failed test goes back to configuration with what failed: the configuring department reads it. */
const faultsWhenFailed: FormCheck = async (_em, _task, variables) => {
  const faults = typeof variables.testFaults === 'string' ? variables.testFaults.trim() : '';
  if (variables.testPassed === false && !faults) throw badInput('testFaults', 'Say what failed: the data is configured again from it');
};

/** SIM cards are made for at least one terminal, and not for more than a project ever has. */
const simCount: FormCheck = async (_em, _task, variables) => {
  const count = variables.simCount;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100_000) {
    throw badInput('simCount', 'simCount is the number of SIM cards made, 1 to 100000');
  }
};

/** 电路调单与开通 and 业务关闭 (DOMAIN.md procedure 3): processes/circuit-provisioning.bpmn. Dispatch orders run it. */
export const circuitProvisioning = (clock: Clock, service: ProvisioningService): Procedure => ({
  key: 'circuit-provisioning',
  ticketKinds: [TicketKind.CIRCUIT_DISPATCH],
  startVariables: (ticket) => ticketVariables(ticket),
  intake: (uow, _ctx, ticket, input, facts) => service.intake(uow, ticket, input, facts),
  // The first step of any chain starts the work; 报竣 (or the closure confirmed) resolves it, and
  // it closes once its project's documents are archived, when it was the project's last order.
  statusOnEnter: {
    allocate: TicketStatus.inProgress,
    raiseProject: TicketStatus.inProgress,
    removeData: TicketStatus.inProgress,
    completeOrder: TicketStatus.resolved,
    completeClosure: TicketStatus.resolved,
  },
  statusOnComplete: TicketStatus.closed,
  reportMessages: { [ReportKind.TEST]: TEST_REPORT_SUBMITTED },
  formChecks: { test: faultsWhenFailed, makeSims: simCount },
  handlers: {
    readProvisioningOrder,
    reserveCircuits: moveCircuits(clock, CircuitStatus.reserved, 'local resources allocated: reserved for the order'),
    provisionCircuits: moveCircuits(clock, CircuitStatus.provisioning, 'dispatched: being provisioned'),
    activateCircuits: moveCircuits(clock, CircuitStatus.active, 'tested and activated', 'activatedAt'),
    deactivateCircuits: moveCircuits(clock, CircuitStatus.inactive, 'service closing: data removed'),
    terminateCircuits: moveCircuits(clock, CircuitStatus.terminated, 'service closed (业务关闭): resources released', 'terminatedAt'),
    testReportOnFile,
    completeProvisioningOrder: completeProvisioningOrder(clock, service.currentCalendar),
    recordProjectArchived: recordProjectArchived(clock),
    remindProvisioningStep: stepNotice(clock, 'remind'),
    chaseProvisioningStep: stepNotice(clock, 'chase'),
  },
});
