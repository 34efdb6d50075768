import { execSql } from '../../db/plain-rows';
import type { BusinessCalendar } from '../../modules/calendar/business-calendar';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import { ReportKind } from '../../modules/tickets/ticket.enums';
import type { Clock } from '../../shared/clock';
import { noteOnTicket } from '../shared/ticket-note';
import { ProvisioningPurpose } from './provisioning.enums';
import { ProvisioningCircuit } from './provisioning-circuit.entity';
import { ProvisioningOrder } from './provisioning-order.entity';
import { ProvisioningProject } from './provisioning-project.entity';
import { isLastOfProject } from './provisioning-projects';
import { stepOfElement, stepTimers } from './provisioning-steps';

/** The first TEST report's time on the ticket, if any. */
async function testReportAt(call: Parameters<ServiceHandler>[0]): Promise<Date | null> {
  const [row] = await execSql<{ at: string | null }>(
    call.em,
    'select min(submitted_at) as at from ticket_report where ticket_id = ? and kind = ?',
    [call.ticketId, ReportKind.TEST],
  );
  return row?.at ? new Date(row.at) : null;
}

/**
 * The order as the diagram goes by it: which chain it runs and every step's two timers, from the
 * split planned at intake. An instance working on no order is an incident: nothing to run on.
 */
export const readProvisioningOrder: ServiceHandler = async (call) => {
  const order = call.ticketId ? await call.em.findOne(ProvisioningOrder, { ticketId: call.ticketId }) : null;
  if (!order) throw new Error('this instance works on no dispatch order: open one with dispatchCircuits');
  return {
    route: order.purpose === ProvisioningPurpose.CLOSE ? 'CLOSE' : order.chain,
    chain: order.chain,
    level: order.level,
    timers: stepTimers(order.steps),
  };
};

/** Whether the test report is in already (messages are not kept: one submitted during the test would be missed). */
export const testReportOnFile: ServiceHandler = async (call) => ({
  testReportOnFile: call.ticketId ? (await testReportAt(call)) !== null : false,
});

/**
 * 报竣 (or the closure confirmed): the order's completion and cycle, and for each circuit whether it
 * was activated by the deadline with its test report in by then. Answers whether this was the
 * last order of its project to end, which then gets its documents archived.
 */
export const completeProvisioningOrder =
  (clock: Clock, calendar: () => BusinessCalendar): ServiceHandler =>
  async (call) => {
    if (!call.ticketId) return { archiveProject: false };
    const { em } = call;
    const order = await em.findOneOrFail(ProvisioningOrder, { ticketId: call.ticketId });
    const now = clock.now();
    order.completedAt ??= now;
    order.cycleWorkingDays ??= calendar().workingDaysBetween(order.orderedAt, order.completedAt);
    const rows = await em.find(ProvisioningCircuit, { orderId: order.id });
    const due = order.overallDueAt.getTime();
    let summary = `业务关闭: ${rows.length} circuit(s) terminated`;
    if (order.purpose === ProvisioningPurpose.OPEN) {
      const report = await testReportAt(call);
      for (const row of rows) {
        row.activatedOnTime = !!row.activatedAt && row.activatedAt.getTime() <= due && !!report && report.getTime() <= due;
      }
      const onTime = rows.filter((row) => row.activatedOnTime).length;
      summary = `报竣: ${onTime} of ${rows.length} circuit(s) activated on time with their test report (${report ? `report ${report.toISOString()}` : 'no test report'})`;
    }
    await em.flush();
    await noteOnTicket(em, call.ticketId, now, `${summary}; cycle ${order.cycleWorkingDays} working day(s)`);
    return { archiveProject: order.projectId ? await isLastOfProject(em, order.projectId, order.id) : false };
  };

/** The center filed the project's documents: the project ends, recorded with who filed them and where. */
export const recordProjectArchived =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    if (!call.ticketId) return undefined;
    const { em } = call;
    const order = await em.findOneOrFail(ProvisioningOrder, { ticketId: call.ticketId });
    const project = order.projectId ? await em.findOne(ProvisioningProject, { id: order.projectId }) : null;
    if (!project || project.archivedAt) return undefined;
    const now = clock.now();
    const where = typeof call.variables.archiveLocation === 'string' ? call.variables.archiveLocation.trim() : '';
    project.archivedAt = now;
    // The archive task is written completed with its person when this step commits: the project names the order instead.
    project.archivedOnTicketId = call.ticketId;
    project.archiveNote = where || null;
    await em.flush();
    await noteOnTicket(em, call.ticketId, now, `项目文档归档: project ${project.contractNumber} archived${where ? ` (${where})` : ''}`);
    return undefined;
  };

/**
 * 提醒 before a step's deadline and 催办 at it: the step's department is named (from the plan, so
 * a wait for a report names its department too), the moment kept on the order's step (the first
 * one) and noted in the ticket's history, in the step's transaction.
 */
export const stepNotice =
  (clock: Clock, kind: 'remind' | 'chase'): ServiceHandler =>
  async (call) => {
    const key = stepOfElement(call.elementId);
    if (!call.ticketId || !key) return undefined;
    const order = await call.em.findOneOrFail(ProvisioningOrder, { ticketId: call.ticketId });
    const step = order.steps.find((s) => s.step === key);
    if (!step) return undefined;
    const now = clock.now().toISOString();
    const field = kind === 'remind' ? 'remindedAt' : 'chasedAt';
    order.steps = order.steps.map((s) => (s.step === key && !s[field] ? { ...s, [field]: now } : s));
    await call.em.flush();
    const note =
      kind === 'remind'
        ? `提醒: ${step.department}, "${step.name}" is due at ${step.dueAt}`
        : `催办: ${step.department} chased, "${step.name}" was due at ${step.dueAt}`;
    await noteOnTicket(call.em, call.ticketId, clock.now(), note);
    return undefined;
  };
