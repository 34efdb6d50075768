import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import { CircuitStatus } from '../circuits/circuit.enums';
import { ServiceLevel } from '../customers/customer.enums';
import { TicketKind } from '../tickets/ticket.enums';
import type {
  ReportCase,
  ReportCount,
  ReportCustomer,
  ReportCustomers,
  ReportKindCount,
  ReportNetworkServices,
  ReportOrganization,
} from './quarterly-report.types';

/** A quarter as instants: [start, end). */
export interface Span {
  start: Date;
  end: Date;
}

const LISTED_CUSTOMERS = 50;
export const CASES_MAX = 20;
const TICKET_NUMBER = /KX-\d{4}-\d{6}/g;

const counts = (rows: { key: string; count: number }[]): ReportCount[] => rows.map((r) => ({ key: r.key, count: r.count }));

/** 1. Departments with their active staff, and staff by role. */
export async function organizationOf(em: EntityManager): Promise<ReportOrganization> {
  const departments = await execSql<{ code: string; name: string; people: number }>(
    em,
    `select d.code, d.name, count(u.id) filter (where u.active)::int as people
       from department d left join app_user u on u.department_id = d.id group by d.id order by d.code`,
    [],
  );
  const roles = await execSql<{ key: string; count: number }>(
    em,
    'select r.role as key, count(*)::int as count from app_user u cross join unnest(u.roles) r(role) where u.active group by 1 order by 1',
    [],
  );
  return { people: departments.reduce((sum, d) => sum + d.people, 0), departments, peopleByRole: counts(roles) };
}

/** 2. Customers served at the quarter's end by level; those who came and went in it. */
export async function customersOf(em: EntityManager, q: Span): Promise<ReportCustomers> {
  const levels = await execSql<{ level: string; served: number; new: number; lost: number }>(
    em,
    `select service_level as level,
            count(*) filter (where created_at < ? and (archived_at is null or archived_at >= ?))::int as served,
            count(*) filter (where created_at >= ? and created_at < ?)::int as new,
            count(*) filter (where archived_at >= ? and archived_at < ?)::int as lost
       from customer group by 1`,
    [q.end, q.end, q.start, q.end, q.start, q.end],
  );
  const listed = await execSql<ReportCustomer & { lost: boolean }>(
    em,
    `(select code, name, service_level as "serviceLevel", false as lost from customer
       where created_at >= ? and created_at < ? order by name, code limit ${LISTED_CUSTOMERS})
     union all
     (select code, name, service_level, true from customer where archived_at >= ? and archived_at < ? order by name, code limit ${LISTED_CUSTOMERS})`,
    [q.start, q.end, q.start, q.end],
  );
  const of = (level: string) => levels.find((l) => l.level === level);
  const plain = ({ code, name, serviceLevel }: ReportCustomer) => ({ code, name, serviceLevel });
  return {
    total: levels.reduce((sum, l) => sum + l.served, 0),
    byLevel: Object.values(ServiceLevel).map((level) => ({ key: level, count: of(level)?.served ?? 0 })),
    newInQuarter: levels.reduce((sum, l) => sum + l.new, 0),
    lostInQuarter: levels.reduce((sum, l) => sum + l.lost, 0),
    newCustomers: listed.filter((c) => !c.lost).map(plain),
    lostCustomers: listed.filter((c) => c.lost).map(plain),
  };
}

/**
 * 3. Circuits in service by type and technology; activated and closed in the quarter: moves of
 * their status recorded in their history (provisioning, closures, edits), and the circuits of
 * imported provisioning tickets activated then.
 */
export async function networkServicesOf(em: EntityManager, q: Span): Promise<ReportNetworkServices> {
  const inventory = await execSql<{ service_type: string; access_technology: string; count: number }>(
    em,
    'select service_type, access_technology, count(*)::int as count from circuit where status <> ? group by 1, 2',
    [CircuitStatus.terminated],
  );
  const [moves] = await execSql<{ activated: number; closed: number }>(
    em,
    `select count(distinct circuit_id) filter (where move = ?)::int as activated, count(distinct circuit_id) filter (where move = ?)::int as closed
       from (select h.subject_id as circuit_id, c->>'to' as move from history_event h cross join jsonb_array_elements(h.changes) c
              where h.subject_type = 'CIRCUIT' and h.at >= ? and h.at < ? and c->>'field' = 'status'
             union all
             select tc.circuit_id, ? from imported_ticket it join ticket t on t.id = it.ticket_id join ticket_circuit tc on tc.ticket_id = t.id
              where it.kind = ? and t.resolved_at >= ? and t.resolved_at < ?) moves`,
    [CircuitStatus.active, CircuitStatus.terminated, q.start, q.end, CircuitStatus.active, TicketKind.CIRCUIT_DISPATCH, q.start, q.end],
  );
  const sum = (key: 'service_type' | 'access_technology') => {
    const totals = new Map<string, number>();
    for (const row of inventory) totals.set(row[key], (totals.get(row[key]) ?? 0) + row.count);
    return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, count]) => ({ key: k, count }));
  };
  return {
    inService: inventory.reduce((total, row) => total + row.count, 0),
    byServiceType: sum('service_type'),
    byAccessTechnology: sum('access_technology'),
    activatedInQuarter: moves?.activated ?? 0,
    closedInQuarter: moves?.closed ?? 0,
  };
}

/** 4. Presales requests raised and ended (by outcome), and resource checks raised, in the quarter. */
export async function salesSupportOf(
  em: EntityManager,
  q: Span,
): Promise<{ presalesRaised: number; resourceChecksRaised: number; presalesEnded: ReportCount[] }> {
  const [raised] = await execSql<{ presales: number; checks: number }>(
    em,
    `select count(*) filter (where kind = ?)::int as presales, count(*) filter (where kind = ?)::int as checks
       from ticket where created_at >= ? and created_at < ? and status <> 'cancelled'`,
    [TicketKind.PRESALES_SUPPORT, TicketKind.RESOURCE_CHECK, q.start, q.end],
  );
  const ended = await execSql<{ key: string; count: number }>(
    em,
    `select outcome as key, count(*)::int as count from presales_request
      where ended_at >= ? and ended_at < ? and outcome is not null group by 1 order by 1`,
    [q.start, q.end],
  );
  return { presalesRaised: raised?.presales ?? 0, resourceChecksRaised: raised?.checks ?? 0, presalesEnded: counts(ended) };
}

/** 5. Tickets of each kind opened, and resolved or closed, in the quarter. */
export async function ticketsByKindOf(em: EntityManager, q: Span): Promise<ReportKindCount[]> {
  const done = 'coalesce(resolved_at, closed_at)';
  const rows = await execSql<{ kind: TicketKind; opened: number; done: number }>(
    em,
    `select kind, count(*) filter (where created_at >= ? and created_at < ?)::int as opened,
            count(*) filter (where ${done} >= ? and ${done} < ? and status <> 'cancelled')::int as done
       from ticket where (created_at >= ? and created_at < ?) or (${done} >= ? and ${done} < ?) group by kind`,
    [q.start, q.end, q.start, q.end, q.start, q.end, q.start, q.end],
  );
  return Object.values(TicketKind).map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return { kind, opened: row?.opened ?? 0, done: row?.done ?? 0 };
  });
}

/** The ticket numbers an analysis quotes, in the order quoted, each once. */
export const quotedNumbers = (text: string | null): string[] => [...new Set(text?.match(TICKET_NUMBER) ?? [])].slice(0, CASES_MAX);

/** 6. The tickets the analysis quotes, in the order quoted (numbers that name no ticket are left out). */
export async function casesOf(em: EntityManager, numbers: string[]): Promise<ReportCase[]> {
  if (numbers.length === 0) return [];
  const rows = await execSql<{
    number: string;
    kind: TicketKind;
    title: string;
    customer: string;
    status: string;
    opened_at: string;
    resolved_at: string | null;
  }>(
    em,
    `select t.number, t.kind, t.title, c.name as customer, t.status, t.created_at as opened_at, t.resolved_at
       from ticket t join customer c on c.id = t.customer_id where t.number = any(?::text[])`,
    [`{${numbers.join(',')}}`],
  );
  return numbers.flatMap((number) => {
    const row = rows.find((r) => r.number === number);
    if (!row) return [];
    return [
      {
        number: row.number,
        kind: row.kind,
        title: row.title,
        customer: row.customer,
        status: row.status,
        openedAt: new Date(row.opened_at),
        resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
      },
    ];
  });
}
