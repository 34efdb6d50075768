import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, type Row } from '../../db/plain-rows';
import type { ServiceCall, ServiceHandler } from '../../modules/processes/engine/service-registry';
import { InstanceStatus } from '../../modules/processes/process.enums';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { noteOnTicket } from '../shared/ticket-note';
import { closeWindow, openWindow } from './circuit-window';
import type { Cutover } from './cutover.entity';
import { CutoverNoticeStatus, CutoverStatus } from './cutover.enums';
import type { CutoverService } from './cutover.service';
import { refusalOf } from './cutover.service';
import { verifiedBy } from './cutover-intake';
import type { CutoverNoticeRecord } from './cutover-notice.entity';
import { leadTimePolicy } from './cutover-policy';
import { cutoverRow, noticeRows, setCutover, setNotice } from './cutover-rows';
import { openNotices } from './open-notices';
import { planCutover } from './plan-cutover';

const RUNNING = [InstanceStatus.RUNNING, InstanceStatus.WAITING, InstanceStatus.INCIDENT];
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** The step's cutover, by the variable its intake set. */
export async function cutoverOf(call: ServiceCall): Promise<Row<Cutover>> {
  const id = text(call.variables.cutoverId);
  if (!id) throw new Error('This instance names no cutover (cutoverId)');
  return cutoverRow(call.em, id);
}

const ticketNumber = (call: ServiceCall): string => text(call.variables.ticketNumber) ?? 'the cutover';

/** Cancels the running instances telling these notices (a new round asks again, or the window opened). */
async function stopTelling(
  call: ServiceCall,
  service: CutoverService,
  notices: readonly Row<CutoverNoticeRecord>[],
  reason: string,
): Promise<void> {
  for (const notice of notices) {
    if (!notice.instanceId) continue;
    const [instance] = await execSql<{ status: InstanceStatus }>(call.em, 'select status from process_instance where id = ?', [
      notice.instanceId,
    ]);
    if (instance && RUNNING.includes(instance.status))
      await service.runner().cancelInstance(call.em, call.events, notice.instanceId, reason);
  }
}

/** The response center's decision is kept with the cutover; a refusal's reason is noted on the ticket. */
const recordDecision =
  (service: CutoverService): ServiceHandler =>
  async (call) => {
    const cutover = await cutoverOf(call);
    const now = service.clock.now();
    const approved = call.variables.approved !== false;
    const decisionReason = text(call.variables.reason);
    await setCutover(call.em, cutover.id, {
      decidedAt: now,
      decisionReason,
      status: approved ? CutoverStatus.NOTIFYING : CutoverStatus.REFUSED,
    });
    if (!approved) {
      for (const notice of await noticeRows(call.em, cutover.id)) {
        await setNotice(call.em, notice.id, { status: CutoverNoticeStatus.CANCELLED, updatedAt: now });
      }
    }
    if (call.ticketId) {
      const note = approved ? '割接审批: approved by the response center' : `割接审批: refused by the response center: ${decisionReason}`;
      await noteOnTicket(call.em, call.ticketId, now, note);
    }
    return { approved };
  };

/**
 * 改期: the network team chose a new time after a customer refused. The deadlines are counted
 * again for it, a new round begins and every customer is asked again, those already told too;
 * the old round's open tasks are withdrawn. The ticket's deadlines follow the new window.
 */
const reschedule =
  (service: CutoverService): ServiceHandler =>
  async (call) => {
    const cutover = await cutoverOf(call);
    const now = service.clock.now();
    const startsAt = new Date(String(call.variables.startsAt));
    const endsAt = new Date(String(call.variables.endsAt));
    const notices = await noticeRows(call.em, cutover.id);
    const { policy } = await leadTimePolicy(call.em);
    const circuitIds = notices.flatMap((notice) => notice.circuitIds);
    const facts = { circuitIds, startsAt, endsAt, kind: cutover.kind, emergency: cutover.emergency, reason: cutover.reason ?? null };
    const plan = await planCutover(call.em, service.calendar.current, policy, facts, now);
    if (!plan.feasible) throw refusalOf(plan);
    await stopTelling(call, service, notices, 'the cutover was rescheduled: its customers are told the new time');
    const from = cutover.startsAt.toISOString();
    const round = cutover.round + 1;
    await setCutover(call.em, cutover.id, { startsAt, endsAt, round, status: CutoverStatus.NOTIFYING });
    for (const notice of notices) {
      const planned = plan.notices.find((p) => p.customerId === notice.customer.id);
      if (!planned) continue;
      await setNotice(call.em, notice.id, {
        notifyBy: planned.notifyBy,
        notifyDueAt: planned.notifyDueAt,
        remindAt: planned.remindAt,
        leadWorkingDays: planned.leadTime.workingDays,
        leadHours: planned.leadTime.hours,
        round,
        status: CutoverNoticeStatus.PENDING,
        customerAgrees: null,
        instanceId: null,
        chasedAt: null,
        updatedAt: now,
      });
    }
    if (call.ticketId) {
      const ticket = await call.em.findOneOrFail(Ticket, { id: call.ticketId });
      await verifiedBy(call.em, service, ticket, service.calendar.addWorkingDays(endsAt, 1));
      const note = `割接改期 (round ${round}): ${from} -> ${startsAt.toISOString()}; every customer is told the new time`;
      await noteOnTicket(call.em, call.ticketId, now, note);
    }
    return { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), round };
  };

/** The window opens: the circuits show they are under cutover; a customer still not told is recorded as missed. */
const beginWindow =
  (service: CutoverService): ServiceHandler =>
  async (call) => {
    const cutover = await cutoverOf(call);
    const now = service.clock.now();
    const untold = await noticeRows(call.em, cutover.id, [CutoverNoticeStatus.OPEN]);
    await stopTelling(call, service, untold, 'the cutover window opened before the customer was told');
    for (const notice of untold) await setNotice(call.em, notice.id, { status: CutoverNoticeStatus.MISSED, updatedAt: now });
    await setCutover(call.em, cutover.id, { status: CutoverStatus.UNDER_WAY });
    const changed = await openWindow(call.em, { cutoverId: cutover.id, ticketNumber: ticketNumber(call), now });
    if (call.ticketId) {
      const missed = untold.length ? `; not told in time: ${await customerCodes(call.em, untold)}` : '';
      await noteOnTicket(call.em, call.ticketId, now, `割接开始: ${changed.length} circuit(s) under cutover${missed}`);
    }
    return { underCutover: changed };
  };

/** The window closes: each circuit gets its status back, and the network team verifies the service. */
const endWindow =
  (service: CutoverService): ServiceHandler =>
  async (call) => {
    const cutover = await cutoverOf(call);
    const now = service.clock.now();
    await setCutover(call.em, cutover.id, { status: CutoverStatus.VERIFYING });
    const restored = await closeWindow(call.em, { cutoverId: cutover.id, ticketNumber: ticketNumber(call), now });
    if (call.ticketId)
      await noteOnTicket(call.em, call.ticketId, now, `割接结束: ${restored.length} circuit(s) back in service, to verify`);
    return { restored };
  };

async function customerCodes(em: EntityManager, notices: readonly Row<CutoverNoticeRecord>[]): Promise<string> {
  const rows = await execSql<{ code: string }>(em, 'select code from customer where id = any(?::uuid[]) order by code', [
    `{${notices.map((n) => n.customer.id).join(',')}}`,
  ]);
  return rows.map((row) => row.code).join(', ');
}

/** The parent's handlers, by the names its diagram gives them. */
export const cutoverHandlers = (service: CutoverService): Record<string, ServiceHandler> => ({
  openCutoverNotices: openNotices(service),
  recordCutoverDecision: recordDecision(service),
  rescheduleCutover: reschedule(service),
  beginCutoverWindow: beginWindow(service),
  endCutoverWindow: endWindow(service),
});

/**
 * The cutover's ticket was cancelled: in the same transaction its circuits get their status back
 * if the window had opened, and the customers not told yet are no longer to be told.
 */
export const cutoverCancelled =
  (service: CutoverService) =>
  async (uow: { em: EntityManager }, ticketId: string): Promise<void> => {
    const [cutover] = await execSql<{ id: string }>(uow.em, 'select id from cutover where ticket_id = ?', [ticketId]);
    if (!cutover) return;
    const now = service.clock.now();
    const [ticket] = await execSql<{ number: string }>(uow.em, 'select number from ticket where id = ?', [ticketId]);
    await closeWindow(uow.em, { cutoverId: cutover.id, ticketNumber: ticket?.number ?? ticketId, now });
    for (const notice of await noticeRows(uow.em, cutover.id, [CutoverNoticeStatus.PENDING, CutoverNoticeStatus.OPEN])) {
      await setNotice(uow.em, notice.id, { status: CutoverNoticeStatus.CANCELLED, updatedAt: now });
    }
    await setCutover(uow.em, cutover.id, { status: CutoverStatus.CANCELLED });
  };
