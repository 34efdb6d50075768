import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, uuidArray } from '../../db/plain-rows';
import type { BusinessCalendar } from '../../modules/calendar/business-calendar';
import { CircuitStatus } from '../../modules/circuits/circuit.enums';
import type { ServiceLevel } from '../../modules/customers/customer.enums';
import { badInput } from '../../shared/domain-error';
import { CutoverNoticeStatus } from './cutover.enums';
import type { CutoverNoticeView, CutoverPlan } from './cutover.types';
import { earliestStart, IMPORTANT_LEVELS, isLate, LEVEL_RANK, type LeadTimePolicy, noticeDeadline } from './lead-time.util';

/** What a cutover is planned from: planCutover's input, or a stored cutover's facts. */
export interface CutoverFacts {
  circuitIds: readonly string[];
  startsAt: Date;
  endsAt: Date;
  kind: CutoverPlan['kind'];
  emergency: boolean;
  reason: string | null;
}

/** One affected customer of a plan, with what the API does not show but requesting needs. */
export interface PlannedNotice extends CutoverNoticeView {
  customerCode: string;
  circuitCodes: string[];
  remindAt: Date;
}

export interface PlannedCutover extends CutoverPlan {
  notices: PlannedNotice[];
  late: PlannedNotice[];
}

interface AffectedRow {
  id: string;
  code: string;
  status: CircuitStatus;
  archived_at: string | null;
  customer_id: string;
  customer_code: string;
  service_level: ServiceLevel;
  cross_region: boolean;
  account_manager_id: string | null;
}

/** A window longer than this is several cutovers, each told on its own. */
const MAX_WINDOW_HOURS = 72;

/**
 * Who a cutover affects and by when each must be told, on the calendar in force (no writes):
 * every customer whose circuits it names, its notice's deadline by its level (or the emergency's
 * hours), which notices are late now, whether the center must approve, and the earliest start
 * every customer could still be told in time for.
 */
export async function planCutover(
  em: EntityManager,
  calendar: BusinessCalendar,
  policy: LeadTimePolicy,
  facts: CutoverFacts,
  now: Date,
): Promise<PlannedCutover> {
  checkWindow(facts);
  const affected = await affectedCircuits(em, facts.circuitIds);
  const byCustomer = new Map<string, AffectedRow[]>();
  for (const row of affected) byCustomer.set(row.customer_id, [...(byCustomer.get(row.customer_id) ?? []), row]);
  const notices = [...byCustomer.values()]
    .map((rows) => noticeOf(calendar, policy, facts, rows, now))
    .sort((a, b) => LEVEL_RANK[a.serviceLevel] - LEVEL_RANK[b.serviceLevel] || a.customerCode.localeCompare(b.customerCode));
  const late = notices.filter((notice) => notice.late);
  const problems = problemsOf(facts, late, policy, now);
  return {
    kind: facts.kind,
    startsAt: facts.startsAt,
    endsAt: facts.endsAt,
    emergency: facts.emergency,
    notices,
    late,
    needsApproval: notices.some((n) => IMPORTANT_LEVELS.includes(n.serviceLevel) || n.crossRegion),
    feasible: problems.length === 0,
    problems,
    earliestStart: earliestStart(
      calendar,
      policy,
      notices.map((n) => n.serviceLevel),
      now,
      facts.emergency,
    ),
  };
}

/** Why requesting it would be refused: each late customer with its deadline, an emergency's missing reason or notice. */
function problemsOf(facts: CutoverFacts, late: readonly PlannedNotice[], policy: LeadTimePolicy, now: Date): string[] {
  const problems: string[] = [];
  if (facts.startsAt.getTime() <= now.getTime()) problems.push('The window has already opened: a cutover is requested before it starts');
  if (facts.emergency) {
    if (!facts.reason?.trim()) problems.push('An emergency cutover needs a written reason for its urgency (割接信息简述表)');
    const hours = (facts.startsAt.getTime() - now.getTime()) / 3600_000;
    if (hours < policy.emergencyHours && hours > 0) {
      problems.push(
        `An emergency cutover needs at least ${policy.emergencyHours} hours of notice; this one starts in ${hours.toFixed(1)} hours`,
      );
    }
    return problems;
  }
  for (const notice of late) {
    problems.push(`${notice.customerCode} (${notice.serviceLevel}) had to be told by ${notice.notifyBy}`);
  }
  return problems;
}

function checkWindow(facts: CutoverFacts): void {
  if (new Set(facts.circuitIds).size !== facts.circuitIds.length) throw badInput('circuitIds', 'Each circuit is named once');
  if (facts.endsAt.getTime() <= facts.startsAt.getTime()) throw badInput('endsAt', 'The window closes after it opens');
  if (facts.endsAt.getTime() - facts.startsAt.getTime() > MAX_WINDOW_HOURS * 3600_000) {
    throw badInput('endsAt', `A window is at most ${MAX_WINDOW_HOURS} hours: a longer work is several cutovers, each told on its own`);
  }
}

/** The circuits named, with their customers; every one must exist and still carry service. */
async function affectedCircuits(em: EntityManager, ids: readonly string[]): Promise<AffectedRow[]> {
  const rows = await execSql<AffectedRow>(
    em,
    `select c.id, c.code, c.status, c.archived_at, c.customer_id, cu.code as customer_code, cu.service_level, cu.cross_region,
            cu.account_manager_id
       from circuit c join customer cu on cu.id = c.customer_id where c.id = any(?::uuid[]) order by c.code`,
    [uuidArray(ids)],
  );
  const missing = ids.find((id) => !rows.some((row) => row.id === id));
  if (missing) throw badInput('circuitIds', `No circuit with id ${missing}`);
  const gone = rows.find((row) => row.archived_at !== null || row.status === CircuitStatus.terminated);
  if (gone) throw badInput('circuitIds', `Circuit ${gone.code} is archived or terminated: it carries no service to interrupt`);
  return rows;
}

function noticeOf(calendar: BusinessCalendar, policy: LeadTimePolicy, facts: CutoverFacts, rows: AffectedRow[], now: Date): PlannedNotice {
  const [first] = rows;
  const deadline = noticeDeadline(calendar, policy, first.service_level, facts.startsAt, facts.emergency);
  return {
    id: null,
    cutoverId: null,
    customerId: first.customer_id,
    customerCode: first.customer_code,
    accountManagerId: first.account_manager_id,
    circuitIds: rows.map((row) => row.id),
    circuitCodes: rows.map((row) => row.code),
    serviceLevel: first.service_level,
    crossRegion: first.cross_region,
    leadTime: { workingDays: deadline.leadWorkingDays, hours: deadline.leadHours },
    notifyBy: deadline.notifyBy,
    notifyDueAt: deadline.notifyDueAt,
    remindAt: deadline.remindAt,
    late: isLate(calendar, { ...deadline }, now),
    status: CutoverNoticeStatus.PLANNED,
    round: 1,
    timesTold: 0,
    toldAt: null,
    customerAgrees: null,
    refusalReason: null,
  };
}
