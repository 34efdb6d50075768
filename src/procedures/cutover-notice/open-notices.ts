import { execSql } from '../../db/plain-rows';
import { Role } from '../../modules/org/role.enum';
import type { ServiceCall, ServiceHandler } from '../../modules/processes/engine/service-registry';
import { TaskStatus } from '../../modules/processes/process.enums';
import { TaskChangedEvent } from '../../modules/processes/process.events';
import { systemActor } from '../../shared/service-context';
import { noteOnTicket } from '../shared/ticket-note';
import { CutoverNoticeStatus } from './cutover.enums';
import type { CutoverService } from './cutover.service';
import { cutoverRow, noticeRows, setNotice } from './cutover-rows';

/** The diagram one customer is told by (processes/cutover-customer-notice.bpmn). */
export const NOTICE_PROCESS = 'cutover-customer-notice';
/** Its account manager's task. */
export const TELL_TASK = 'tell';

/**
 * The task goes to the customer's own account manager as it opens (still offered to account
 * managers, so a colleague can take it over through assignTask when the manager is away).
 */
async function giveToAccountManager(call: ServiceCall, instanceId: string, userId: string | null, at: Date): Promise<void> {
  if (!userId) return;
  const [manager] = await execSql<{ roles: string[]; active: boolean }>(call.em, 'select roles, active from app_user where id = ?', [
    userId,
  ]);
  // A task goes only to one of its candidates: a manager who left, or holds another role, leaves it offered.
  if (!manager?.active || !manager.roles.includes(Role.ACCOUNT_MANAGER)) return;
  const assigned = await execSql<{ id: string; candidate_department: string | null; candidate_role: string | null }>(
    call.em,
    `update process_task set assignee_id = ? where instance_id = ? and element_id = ? and status = ? and assignee_id is null
      returning id, candidate_department, candidate_role`,
    [userId, instanceId, TELL_TASK, TaskStatus.OPEN],
  );
  for (const task of assigned) {
    call.events.push(new TaskChangedEvent(task.id, 'ASSIGNED', task.candidate_department, task.candidate_role, userId, at));
  }
}

/**
 * 通告: one task per affected customer for its account manager, due on the customer's notifyBy
 * day with its reminder and chase — each an instance of the notice diagram, started in this
 * step and linked to it, so cancelling the cutover cancels them. Only the round's notices not yet
 * asked are started: a retried step (its savepoint rolled back) starts them once.
 */
export const openNotices =
  (service: CutoverService): ServiceHandler =>
  async (call) => {
    const cutover = await cutoverRow(call.em, String(call.variables.cutoverId));
    const notices = (await noticeRows(call.em, cutover.id, [CutoverNoticeStatus.PENDING])).filter((n) => n.round === cutover.round);
    const customers = await execSql<{ id: string; code: string; name: string }>(
      call.em,
      'select id, code, name from customer where id = any(?::uuid[])',
      [`{${notices.map((n) => n.customer.id).join(',')}}`],
    );
    const now = service.clock.now();
    const ticketNumber = typeof call.variables.ticketNumber === 'string' ? call.variables.ticketNumber : '';
    const asked: string[] = [];
    for (const notice of notices) {
      const customer = customers.find((c) => c.id === notice.customer.id) ?? { code: notice.customer.id, name: '' };
      const variables = {
        cutoverId: cutover.id,
        noticeId: notice.id,
        ticketId: call.ticketId,
        ticketNumber,
        customerCode: customer.code,
        customerName: customer.name,
        serviceLevel: notice.serviceLevel,
        kind: cutover.kind,
        startsAt: cutover.startsAt.toISOString(),
        endsAt: cutover.endsAt.toISOString(),
        notifyBy: notice.notifyBy,
        notifyDueAt: notice.notifyDueAt.toISOString(),
        remindAt: notice.remindAt.toISOString(),
        round: cutover.round,
        accountManagerId: notice.accountManager?.id ?? null,
      };
      const link = { parentInstanceId: call.instanceId, executionId: `${notice.id}/${cutover.round}`, elementId: call.elementId };
      const instance = await service
        .runner()
        .startInstance(
          call.em,
          call.events,
          { em: call.em, actor: systemActor },
          NOTICE_PROCESS,
          `${ticketNumber}/${customer.code}`,
          variables,
          null,
          link,
        );
      await giveToAccountManager(call, instance.id, notice.accountManager?.id ?? null, now);
      await setNotice(call.em, notice.id, { instanceId: instance.id, status: CutoverNoticeStatus.OPEN, updatedAt: now });
      asked.push(`${customer.code} by ${notice.notifyBy}`);
    }
    if (call.ticketId && asked.length > 0) {
      await noteOnTicket(call.em, call.ticketId, now, `割接通告 (round ${cutover.round}): account managers to tell ${asked.join('; ')}`);
    }
    return { noticesAsked: asked.length };
  };
