import { execSql } from '../db/plain-rows';
import type { UnitOfWork } from '../db/unit-of-work';
import type { StepFollower } from '../modules/processes/instance-stepper';
import { InstanceStatus, TaskStatus } from '../modules/processes/process.enums';
import { TaskChangedEvent } from '../modules/processes/process.events';
import type { ProcessRunnerService } from '../modules/processes/process-runner.service';
import type { FormCheck } from '../modules/processes/process-task.service';
import type { TicketKind } from '../modules/tickets/ticket.enums';
import type { TicketService } from '../modules/tickets/ticket.service';
import type { TicketOwnershipService } from '../modules/tickets/ticket-ownership.service';
import type { TicketProcedures } from '../modules/tickets/ticket-procedures';
import { calledProcedures } from './called-procedures';
import type { Procedure } from './procedure';

const RUNNING = [InstanceStatus.RUNNING, InstanceStatus.WAITING, InstanceStatus.INCIDENT];

export interface ProcedureLayerDeps {
  procedures: readonly Procedure[];
  /** which ticket kind starts which procedure key (configuration, with the procedures' defaults) */
  startedBy: ReadonlyMap<TicketKind, string>;
  runner: ProcessRunnerService;
  tickets: TicketService;
  ownership: TicketOwnershipService;
}

/**
 * Where tickets meet their procedures: opening a ticket starts its kind's procedure in the same
 * transaction, the ticket's status follows the procedure's activities (inside each step's
 * transaction), and a ticket cancelled while its procedure runs cancels the procedure too.
 */
export function procedureLayer(deps: ProcedureLayerDeps): {
  ticketProcedures: TicketProcedures;
  follower: StepFollower;
  formCheck: FormCheck;
} {
  const byKey = new Map(deps.procedures.map((procedure) => [procedure.key, procedure]));
  const ticketProcedures: TicketProcedures = {
    async startFor(uow, ctx, ticket, input, opening) {
      // A call activity names the procedure it calls; otherwise the ticket's kind does.
      const key = opening.calledBy?.key ?? deps.startedBy.get(ticket.kind);
      if (!key) return;
      const procedure = byKey.get(key);
      const taken = await procedure?.intake?.(uow, ctx, ticket, input, opening.facts);
      const variables = {
        ...(procedure?.startVariables(ticket) ?? { ticketId: ticket.id, ticketNumber: ticket.number }),
        ...(taken && typeof taken === 'object' ? (taken as Record<string, unknown>) : {}),
      };
      const { calledBy } = opening;
      const link = calledBy
        ? { parentInstanceId: calledBy.instanceId, executionId: calledBy.executionId, elementId: calledBy.elementId }
        : null;
      await deps.runner.startInstance(uow.em, uow.events, ctx, key, ticket.number, variables, ticket.id, link);
    },
    async running(uow, ticketId) {
      const [instance] = await execSql<{ id: string }>(
        uow.em,
        'select id from process_instance where ticket_id = ? and status = any(?::text[]) order by started_at desc limit 1',
        [ticketId, `{${RUNNING.join(',')}}`],
      );
      if (!instance) return null;
      const tasks = await execSql<{ name: string | null; element_id: string }>(
        uow.em,
        'select name, element_id from process_task where instance_id = ? and status = ? order by created_at',
        [instance.id, TaskStatus.OPEN],
      );
      return { instanceId: instance.id, openTasks: tasks.map((task) => task.name ?? task.element_id) };
    },
    async reportSubmitted(uow, ctx, ticketId, kind) {
      const [instance] = await execSql<{ id: string; process_key: string }>(
        uow.em,
        'select id, process_key from process_instance where ticket_id = ? and status = any(?::text[]) order by started_at desc limit 1',
        [ticketId, `{${RUNNING.join(',')}}`],
      );
      const message = instance ? byKey.get(instance.process_key)?.reportMessages?.[kind] : undefined;
      if (!instance || !message) return;
      // Not waiting yet (still restoring) is fine: the procedure looks for the report when it gets there.
      await deps.runner.deliverMessage(uow.em, uow.events, ctx, instance.id, message, { reportKind: kind });
    },
    async cancel(uow, instanceId, reason) {
      const instance = await deps.runner.cancelInstance(uow.em, uow.events, instanceId, reason);
      const procedure = byKey.get(instance.processKey);
      if (instance.ticketId && procedure?.cancelled) await procedure.cancelled(uow, instance.ticketId, reason);
    },
  };
  const follower: StepFollower = async (em, step) => {
    const procedure = byKey.get(step.instance.processKey);
    const ticketId = step.instance.ticketId;
    if (!procedure || !ticketId) return;
    const uow = { em, events: step.events };
    for (const activity of step.activities) {
      if (activity.event === 'leave' && step.actor && procedure.ownerFrom?.includes(activity.elementId)) {
        await deps.ownership.takeOwnership(uow, ticketId, step.actor.id, activity.name ?? activity.elementId);
      }
      const recorder = activity.event === 'leave' ? procedure.recordOnLeave?.[activity.elementId] : undefined;
      if (recorder) await recorder(uow, ticketId, step.instance.variables);
      const to = activity.event === 'enter' ? procedure.statusOnEnter[activity.elementId] : undefined;
      if (to) await deps.tickets.followProcedure(uow, ticketId, to, step.actor?.id ?? null, activity.name ?? activity.elementId);
      const assignee = activity.event === 'enter' ? procedure.assignTo?.[activity.elementId] : undefined;
      if (assignee) await assignOpened(uow, step.instance.id, activity.elementId, step.instance.variables[assignee]);
    }
    if (step.instance.status === InstanceStatus.COMPLETED && procedure.statusOnComplete) {
      await deps.tickets.followProcedure(uow, ticketId, procedure.statusOnComplete, step.actor?.id ?? null, `${procedure.key} completed`);
    }
  };
  /** A procedure's own checks of a task's form, before the task completes. */
  const formCheck: FormCheck = async (em, task, variables) => {
    const check = byKey.get(task.processKey)?.formChecks?.[task.elementId];
    if (check) await check(em, task, variables);
  };
  deps.runner.calls.hooks = calledProcedures(byKey, deps.runner, deps.tickets);
  return { ticketProcedures, follower, formCheck };
}

/**
 * A task the step just opened goes to the person its procedure names (`assignTo`), in the step's
 * transaction: written after the step's own rows, so the task row is there; announced as assigned
 * at the step's time (the task's creation, by the hub's clock).
 */
async function assignOpened(uow: UnitOfWork, instanceId: string, elementId: string, userId: unknown): Promise<void> {
  if (typeof userId !== 'string' || !userId) return;
  const assigned = await execSql<{ id: string; candidate_department: string | null; candidate_role: string | null; created_at: string }>(
    uow.em,
    `update process_task set assignee_id = ? where instance_id = ? and element_id = ? and status = ? and assignee_id is null
      returning id, candidate_department, candidate_role, created_at`,
    [userId, instanceId, elementId, TaskStatus.OPEN],
  );
  for (const task of assigned) {
    const at = new Date(task.created_at);
    uow.events.push(new TaskChangedEvent(task.id, 'ASSIGNED', task.candidate_department, task.candidate_role, userId, at));
  }
}
