import { defaultCalendar } from '../modules/calendar/business-calendar';
import { CircuitServiceType } from '../modules/circuits/circuit.enums';
import { ReportKind, TicketKind } from '../modules/tickets/ticket.enums';
import { DispatchLevel, ProvisioningChain, ProvisioningPurpose } from '../procedures/circuit-provisioning/provisioning.enums';
import { defaultShares, planSteps } from '../procedures/circuit-provisioning/provisioning-steps';
import { CheckedResourceKind, ResourceCheckScope } from '../procedures/resource-check/resource-check.enums';
import type { Row } from './bulk-insert';
import { districts, streets } from './demo-names';
import type { Random } from './random';

const HOUR = 3600_000;

export interface ProcedureFactRows {
  resourceChecks: Row[];
  checkedResources: Row[];
  provisioningOrders: Row[];
  provisioningCircuits: Row[];
}

/**
 * What the procedures would have recorded beside the seeded RESOURCE_CHECK and CIRCUIT_DISPATCH
 * tickets, so the center's measures have something to count: a check with 1-3 resources, checked
 * on time when the ticket was resolved by its resolution deadline; an order (due at the ticket's
 * resolution deadline) with one row per ticket circuit, activated on time when resolved by then
 * with its TEST report in by then (as 报竣 decides). Reads the finished rows (after addHistory).
 */
export function makeProcedureFacts(
  random: Random,
  tickets: readonly Row[],
  links: readonly Row[],
  reports: readonly Row[],
  circuits: readonly Row[],
): ProcedureFactRows {
  const gprs = new Set(circuits.filter((c) => c.service_type === CircuitServiceType.GPRS_VPN).map((c) => c.id as string));
  const out: ProcedureFactRows = { resourceChecks: [], checkedResources: [], provisioningOrders: [], provisioningCircuits: [] };
  const circuitsOf = new Map<string, string[]>();
  for (const link of links) {
    const ticketId = link.ticket_id as string;
    circuitsOf.set(ticketId, [...(circuitsOf.get(ticketId) ?? []), link.circuit_id as string]);
  }
  const testReportAt = new Map<string, Date>();
  for (const report of reports) {
    if (report.kind !== ReportKind.TEST) continue;
    const ticketId = report.ticket_id as string;
    const at = report.submitted_at as Date;
    const known = testReportAt.get(ticketId);
    if (!known || at < known) testReportAt.set(ticketId, at);
  }
  for (const ticket of tickets) {
    const id = ticket.id as string;
    const createdAt = ticket.created_at as Date;
    const resolvedAt = ticket.resolved_at as Date | null;
    const dueAt = ticket.resolution_due_at as Date;
    const onTime = resolvedAt ? resolvedAt.getTime() <= dueAt.getTime() : null;
    if (ticket.kind === TicketKind.RESOURCE_CHECK) {
      const checkId = random.uuid();
      const sites = Array.from(
        { length: random.int(1, 2) },
        () => `苏州${random.pick(districts)}${random.pick(streets)}${random.int(1, 999)}号`,
      );
      const scope = random.weighted([
        [ResourceCheckScope.LOCAL, 70],
        [ResourceCheckScope.ONE_STOP, 20],
        [ResourceCheckScope.IN_PROVINCE, 10],
      ] as const);
      const sufficient = resolvedAt ? random.chance(0.8) : null;
      out.resourceChecks.push({
        id: checkId,
        ticket_id: id,
        scope,
        coverage_asked: random.chance(0.2),
        sites: JSON.stringify(sites),
        requested_at: createdAt,
        branch_review: scope === ResourceCheckScope.LOCAL ? null : '分公司已审核汇总，资源需求属实。',
        forwarded_at: scope === ResourceCheckScope.LOCAL ? null : new Date(createdAt.getTime() + (1 + random.next() * 3) * HOUR),
        answered_at: resolvedAt,
        network_ready: resolvedAt ? sufficient : null,
        optimization_needed: resolvedAt ? random.chance(0.1) : null,
        resources_sufficient: sufficient,
        investment_cny: sufficient === false ? random.int(2, 40) * 1000 : null,
        duration_days: sufficient === false ? random.int(5, 14) : null,
        purchase_cycle_days: null,
        answer_summary: resolvedAt ? (sufficient ? '现有资源可满足接入需求。' : '需新建光缆接入，投资与工期见报价。') : null,
        version: 1,
      });
      for (let position = 1, n = random.int(1, 3); position <= n; position++) {
        const kind = random.chance(0.9) ? CheckedResourceKind.CIRCUIT : CheckedResourceKind.OUTSOURCING_SERVICE;
        out.checkedResources.push({
          id: random.uuid(),
          check_id: checkId,
          position,
          kind,
          name: kind === CheckedResourceKind.CIRCUIT ? `${random.pick([20, 50, 100, 200, 500])}M 专线` : '代维服务',
          site: random.pick(sites),
          checked_at: resolvedAt,
          checked_on_time: onTime,
        });
      }
    } else if (ticket.kind === TicketKind.CIRCUIT_DISPATCH) {
      const orderId = random.uuid();
      const circuitIds = circuitsOf.get(id) ?? [];
      // GPRS-VPN circuits run their own chain (a seeded ticket has at most one circuit).
      const chain = circuitIds.some((c) => gprs.has(c)) ? ProvisioningChain.GPRS_VPN : ProvisioningChain.STANDARD;
      const plan = planSteps(defaultCalendar, chain, defaultShares(chain), createdAt, dueAt);
      const report = testReportAt.get(id) ?? null;
      out.provisioningOrders.push({
        id: orderId,
        ticket_id: id,
        purpose: ProvisioningPurpose.OPEN,
        chain,
        level: random.weighted([
          [DispatchLevel.BRANCH, 60],
          [DispatchLevel.PROVINCE, 30],
          [DispatchLevel.HQ, 10],
        ] as const),
        ordered_at: createdAt,
        overall_due_at: dueAt,
        working_days: plan.workingDays,
        contract_number: null,
        project_id: null,
        reason: null,
        steps: JSON.stringify(plan.steps),
        completed_at: resolvedAt,
        cycle_working_days: resolvedAt ? defaultCalendar.workingDaysBetween(createdAt, resolvedAt) : null,
        version: 1,
      });
      for (const circuitId of circuitIds) {
        // Activated during the joint test, a little before completion was reported.
        const activatedAt = resolvedAt
          ? new Date(Math.max(createdAt.getTime(), resolvedAt.getTime() - (1 + random.next() * 23) * HOUR))
          : null;
        out.provisioningCircuits.push({
          id: random.uuid(),
          order_id: orderId,
          ticket_id: id,
          circuit_id: circuitId,
          status_before: 'reserved',
          activated_at: activatedAt,
          terminated_at: null,
          activated_on_time: activatedAt
            ? activatedAt.getTime() <= dueAt.getTime() && !!report && report.getTime() <= dueAt.getTime()
            : null,
          version: 1,
        });
      }
    }
  }
  return out;
}
