import { execSql } from '../../db/plain-rows';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import { TaskStatus } from '../../modules/processes/process.enums';
import type { Clock } from '../../shared/clock';
import { lateDepartment } from '../shared/late-department';
import { noteOnTicket } from '../shared/ticket-note';
import { ResourceCheck } from './resource-check.entity';
import { answerOf } from './resource-check-answer.util';

/**
 * A branch of the check (the fixed network, coverage) answered: the one answering last goes on to
 * collect. bpmn-engine's parallel join counts a path discarded upstream (a choice not taken) as an
 * arrival, so the branches meet through these marks rather than a join.
 */
export const markAnswered =
  (mark: 'networkAnswered' | 'coverageAnswered'): ServiceHandler =>
  async () => ({ [mark]: true });

/**
 * 催办 of one department among several working at once. The shared chase names the department
 * of the instance's oldest open task, which here may be another branch's; this one names the
 * department of the task its timer is on. The diagram's convention: the chase of task `x` is `xChase`.
 */
export const chaseChecker =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    if (!call.ticketId) return undefined;
    const taskId = call.elementId.replace(/Chase$/, '');
    const [task] = await execSql<{ candidate_department: string | null; name: string | null }>(
      call.em,
      'select candidate_department, name from process_task where instance_id = ? and element_id = ? and status = ? order by created_at desc limit 1',
      [call.instanceId, taskId, TaskStatus.OPEN],
    );
    const department = task?.candidate_department ?? (await lateDepartment(call));
    await noteOnTicket(call.em, call.ticketId, clock.now(), `催办: ${department} chased at ${call.elementId} (${task?.name ?? taskId})`);
    return undefined;
  };

/** One-stop and in-province: the branch center's review goes to the provincial center (省公司集团客户响应中心), recorded. */
export const forwardToProvince =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    const check = call.ticketId ? await call.em.findOne(ResourceCheck, { ticketId: call.ticketId }) : null;
    if (!check || !call.ticketId) return undefined;
    const review = typeof call.variables.reviewSummary === 'string' ? call.variables.reviewSummary.trim() : '';
    const now = clock.now();
    check.branchReview = review;
    check.forwardedAt = now;
    await call.em.flush();
    await noteOnTicket(
      call.em,
      call.ticketId,
      now,
      `提交省公司: the ${check.scope} check, reviewed by the branch center, submitted to the provincial center (PKX): ${review}`,
    );
    return { forwardedAt: now.toISOString() };
  };

/**
 * The center answers sales: the answer is kept, each resource marked checked, on time when by
 * the ticket's resolution deadline as it stands now (paused or extended, it moved), and the
 * answer recorded on the ticket. Its figures are variables too, for a calling procedure.
 */
export const recordAnswer =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    const answer = answerOf(call.variables);
    const summary = typeof call.variables.answerSummary === 'string' ? call.variables.answerSummary.trim() : '';
    const check = call.ticketId ? await call.em.findOne(ResourceCheck, { ticketId: call.ticketId }) : null;
    if (check && call.ticketId) {
      const now = clock.now();
      Object.assign(check, { ...answer, answerSummary: summary, answeredAt: now });
      await call.em.flush();
      // On time against the deadline as it stands now, compared where it is kept: one statement.
      const checked = await execSql<{ checked_on_time: boolean }>(
        call.em,
        `update checked_resource r set checked_at = ?, checked_on_time = (?::timestamptz <= t.resolution_due_at)
          from ticket t where t.id = ? and r.check_id = ? returning r.checked_on_time`,
        [now, now, call.ticketId, check.id],
      );
      const late = checked.filter((row) => !row.checked_on_time).length;
      const verdict = answer.resourcesSufficient ? '资源满足 (resources sufficient)' : '资源不足 (new build needed)';
      const figures = answer.investmentCny === null ? '' : `, investment ${answer.investmentCny} CNY, ${answer.durationDays} working days`;
      await noteOnTicket(
        call.em,
        call.ticketId,
        now,
        `资源核查答复: ${verdict}${figures}; ${checked.length} resource(s) checked ${late ? 'late' : 'on time'}: ${summary}`,
      );
    }
    return { ...answer };
  };
