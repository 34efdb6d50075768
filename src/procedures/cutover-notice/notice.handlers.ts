import { execSql } from '../../db/plain-rows';
import type { ServiceCall, ServiceHandler } from '../../modules/processes/engine/service-registry';
import { systemActor } from '../../shared/service-context';
import { noteOnTicket } from '../shared/ticket-note';
import { CutoverNoticeStatus, CutoverStatus } from './cutover.enums';
import type { CutoverService } from './cutover.service';
import { IMPORTANT_LEVELS } from './lead-time.util';

/** The message the cutover waits for while its customers are told: a gold or diamond customer refused the time. */
export const TIME_REFUSED = 'cutoverTimeRefused';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The notice's cutover ticket: the notice's own instance works on no ticket, its variables name the cutover's. */
const cutoverTicket = (call: ServiceCall): string | null => (text(call.variables.ticketId) ? text(call.variables.ticketId) : null);

async function managerOf(call: ServiceCall): Promise<string> {
  const id = text(call.variables.accountManagerId);
  if (!id) return 'the account manager';
  const [row] = await execSql<{ code: string; name: string }>(call.em, 'select code, name from app_user where id = ?', [id]);
  return row ? `${row.name} (${row.code})` : 'the account manager';
}

const about = (call: ServiceCall) =>
  `${text(call.variables.customerCode)} (${text(call.variables.serviceLevel)}) by ${text(call.variables.notifyBy)}`;

/** 提醒: the morning of the last day, the account manager is reminded in the cutover's history. */
const remindNotice =
  (service: CutoverService): ServiceHandler =>
  async (call) => {
    const ticketId = cutoverTicket(call);
    if (ticketId) await noteOnTicket(call.em, ticketId, service.clock.now(), `提醒: ${await managerOf(call)} to tell ${about(call)}`);
    return { remindedAt: service.clock.now().toISOString() };
  };

/** 催办: the last day closed and the customer was not told; recorded on the notice and the cutover's ticket. */
const chaseNotice =
  (service: CutoverService): ServiceHandler =>
  async (call) => {
    const now = service.clock.now();
    // By statement: the notice's entity may be held, unchanged, by the step that started this instance.
    await execSql(call.em, 'update cutover_notice set chased_at = ? where instance_id = ?', [now, call.instanceId]);
    const ticketId = cutoverTicket(call);
    if (ticketId) await noteOnTicket(call.em, ticketId, now, `催办: ${await managerOf(call)} has not told ${about(call)}`);
    return { chasedAt: now.toISOString() };
  };

/**
 * The account manager told the customer: kept on the notice with the customer's answer. A gold
 * or diamond customer refusing the time sends the cutover back to rescheduling, in this step.
 */
const recordTold =
  (service: CutoverService): ServiceHandler =>
  async (call) => {
    const now = service.clock.now();
    const agrees = call.variables.customerAgrees !== false;
    const reason = text(call.variables.refusalReason).trim() || null;
    const [notice] = await execSql<{ id: string; cutover_id: string; service_level: string }>(
      call.em,
      `update cutover_notice set status = ?, told_at = ?, times_told = times_told + 1, customer_agrees = ?, refusal_reason = ?,
              updated_at = ?, version = version + 1
        where instance_id = ? and status = ? returning id, cutover_id, service_level`,
      [
        agrees ? CutoverNoticeStatus.TOLD : CutoverNoticeStatus.REFUSED,
        now,
        agrees,
        reason,
        now,
        call.instanceId,
        CutoverNoticeStatus.OPEN,
      ],
    );
    // Withdrawn meanwhile (rescheduled, the window opened): nothing of this round to record.
    if (!notice) return { told: false };
    const ticketId = cutoverTicket(call);
    const contact = text(call.variables.contactPerson).trim();
    const told = `${text(call.variables.customerCode)} told by ${await managerOf(call)}${contact ? `, to ${contact}` : ''}`;
    if (ticketId) {
      await noteOnTicket(
        call.em,
        ticketId,
        now,
        agrees ? `通告: ${told}; the time is accepted` : `通告: ${told}; the customer refuses the time: ${reason}`,
      );
    }
    if (!agrees && IMPORTANT_LEVELS.some((level) => level === notice.service_level)) {
      const [parent] = await execSql<{ parent_instance_id: string | null }>(
        call.em,
        'select parent_instance_id from process_instance where id = ?',
        [call.instanceId],
      );
      const sent =
        !!parent?.parent_instance_id &&
        (await service
          .runner()
          .deliverMessage(call.em, call.events, { em: call.em, actor: systemActor }, parent.parent_instance_id, TIME_REFUSED, {
            refusedBy: text(call.variables.customerCode),
          }));
      // Not waiting for it (another refusal sent it back already, or the window opened): the refusal is on record all the same.
      if (sent)
        await execSql(call.em, 'update cutover set status = ?, version = version + 1 where id = ?', [
          CutoverStatus.RESCHEDULING,
          notice.cutover_id,
        ]);
    }
    return { told: true };
  };

/** The notice diagram's handlers, by the names it gives them. */
export const noticeHandlers = (service: CutoverService): Record<string, ServiceHandler> => ({
  remindCutoverNotice: remindNotice(service),
  chaseCutoverNotice: chaseNotice(service),
  recordCustomerTold: recordTold(service),
});
