import { execSql } from '../../db/plain-rows';
import type { FormCheck } from '../../modules/processes/process-task.service';
import { badInput } from '../../shared/domain-error';
import { circuitCodesIn } from '../emergency-response/affected-circuits.util';
import type { CutoverService } from './cutover.service';
import { refusalOf } from './cutover.service';
import { leadTimePolicy } from './cutover-policy';
import { IMPORTANT_LEVELS } from './lead-time.util';
import { planCutover } from './plan-cutover';

interface CutoverRow {
  id: string;
  kind: string;
  emergency: boolean;
  reason: string | null;
}

async function cutoverOfTicket(em: Parameters<FormCheck>[0], ticketId: string | null): Promise<CutoverRow> {
  const [row] = await execSql<CutoverRow>(em, 'select id, kind, emergency, reason from cutover where ticket_id = ?', [ticketId]);
  if (!row) throw badInput('ticketId', 'This task belongs to no cutover');
  return row;
}

/** A refused cutover says why: that is what the requesting team is told. */
export const checkDecision: FormCheck = async (_em, _task, variables) => {
  const reason = typeof variables.reason === 'string' ? variables.reason.trim() : '';
  if (variables.approved === false && !reason)
    throw badInput('variables.reason', 'A refused cutover needs the reason: the network team is told it');
};

const dateOf = (value: unknown, field: string): Date => {
  const at = typeof value === 'string' ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) throw badInput(`variables.${field}`, `${field} is a date and time`);
  return at;
};

/**
 * A new time is one every customer can still be told in time for (as requesting it would be):
 * refused otherwise, naming each late customer and its deadline.
 */
export const checkReschedule =
  (service: CutoverService): FormCheck =>
  async (em, task, variables) => {
    const cutover = await cutoverOfTicket(em, task.ticketId);
    const startsAt = dateOf(variables.startsAt, 'startsAt');
    const endsAt = dateOf(variables.endsAt, 'endsAt');
    const rows = await execSql<{ circuit_id: string }>(em, 'select circuit_id from cutover_circuit where cutover_id = ?', [cutover.id]);
    const { policy } = await leadTimePolicy(em);
    const facts = {
      circuitIds: rows.map((row) => row.circuit_id),
      startsAt,
      endsAt,
      kind: cutover.kind as Parameters<typeof planCutover>[3]['kind'],
      emergency: cutover.emergency,
      reason: cutover.reason,
    };
    const plan = await planCutover(em, service.calendar.current, policy, facts, service.clock.now());
    if (!plan.feasible) throw refusalOf(plan);
  };

/** The circuits named as failing are the cutover's own: a mistyped code would leave a fault unopened. */
export const checkVerification: FormCheck = async (em, task, variables) => {
  const cutover = await cutoverOfTicket(em, task.ticketId);
  const named = circuitCodesIn(variables.failedCircuits);
  const rows = await execSql<{ code: string }>(
    em,
    'select c.code from cutover_circuit cc join circuit c on c.id = cc.circuit_id where cc.cutover_id = ?',
    [cutover.id],
  );
  const known = new Set(rows.map((row) => row.code));
  const foreign = named.filter((code) => !known.has(code));
  if (foreign.length > 0) {
    throw badInput('variables.failedCircuits', `Not circuits of this cutover: ${foreign.slice(0, 10).join(', ')}`, {
      unknownCircuits: foreign.slice(0, 50),
    });
  }
};

/**
 * Only a gold or diamond customer may refuse the time (割接通告流程实施细则: 如用户不同意割接则应与客户
 * 充分沟通调整割接时间); a refusal says why. Others' objections go in the note, the cutover goes ahead.
 */
export const checkTold: FormCheck = async (em, task, variables) => {
  if (variables.customerAgrees !== false) return;
  const [notice] = await execSql<{ service_level: string }>(em, 'select service_level from cutover_notice where instance_id = ?', [
    task.instanceId,
  ]);
  if (!notice || !IMPORTANT_LEVELS.some((level) => level === notice.service_level)) {
    throw badInput(
      'variables.customerAgrees',
      'Only a gold or diamond customer may refuse the time of a cutover; note the objection in refusalReason and accept',
    );
  }
  const reason = typeof variables.refusalReason === 'string' ? variables.refusalReason.trim() : '';
  if (!reason) throw badInput('variables.refusalReason', 'Say why the customer refuses the time: the network team reschedules by it');
};
